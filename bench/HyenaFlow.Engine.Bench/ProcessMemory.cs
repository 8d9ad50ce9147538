using System.Globalization;

namespace HyenaFlow.Engine.Bench;

/// <summary>Memory figures from /proc, in MiB: this process's resident set and the machine's available memory.</summary>
public static class ProcessMemory
{
    /// <summary>Current resident set (VmRSS).</summary>
    public static double ResidentMiB() => Read("/proc/self/status", "VmRSS:");

    /// <summary>Peak resident set since the process started (VmHWM).</summary>
    public static double PeakMiB() => Read("/proc/self/status", "VmHWM:");

    /// <summary>Memory the machine can give a new process without swapping (MemAvailable).</summary>
    public static double AvailableMiB() => Read("/proc/meminfo", "MemAvailable:");

    /// <summary>A "Field: N kB" line of a /proc file.</summary>
    private static double Read(string path, string field)
    {
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        throw new InvalidOperationException($"{path} has no {field} line.");
    }
}
