using System.Globalization;

namespace HyenaFlow.Engine.Bench;

/// <summary>Resident memory of this process from /proc/self/status, in MiB.</summary>
public static class ProcessMemory
{
    /// <summary>Current resident set (VmRSS).</summary>
    public static double ResidentMiB() => Read("VmRSS:");

    /// <summary>Peak resident set since the process started (VmHWM).</summary>
    public static double PeakMiB() => Read("VmHWM:");

    private static double Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        throw new InvalidOperationException($"/proc/self/status has no {field} line.");
    }
}
