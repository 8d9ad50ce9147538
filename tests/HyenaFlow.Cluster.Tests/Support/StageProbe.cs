using System.Globalization;

namespace HyenaFlow.Cluster.Tests.Support;

/// <summary>
/// What the test activities tell the test across processes, through files in one folder: every start and end of
/// an execution (<c>executions.log</c>: stage, pid, start|end, Unix ms), and an <c>overlap-*</c> file whenever a
/// stage starts while another live process is still executing it — the concurrency probe. A process killed
/// mid-stage leaves its <c>running-*</c> file behind; a dead owner is no overlap.
/// </summary>
public static class StageProbe
{
    private static readonly Lock Gate = new();

    public static void Enter(string folder, string stage)
    {
        var running = Path.Combine(folder, "running-" + Safe(stage));
        lock (Gate)
        {
            if (File.Exists(running) && int.TryParse(File.ReadAllText(running), CultureInfo.InvariantCulture, out var owner) && IsAlive(owner))
                File.WriteAllText(Path.Combine(folder, $"overlap-{Safe(stage)}-{owner}-{Environment.ProcessId}"), "");
            File.WriteAllText(running, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Append(folder, stage, "start");
        }
    }

    public static void Exit(string folder, string stage)
    {
        lock (Gate)
        {
            Append(folder, stage, "end");
            File.Delete(Path.Combine(folder, "running-" + Safe(stage)));
        }
    }

    /// <summary>While <c>hold-STAGE</c> exists: says so with <c>reached-STAGE-PID</c>, and waits.</summary>
    public static async Task HoldAsync(string folder, string stage, CancellationToken cancellationToken)
    {
        var hold = Path.Combine(folder, "hold-" + Safe(stage));
        if (File.Exists(hold))
            await File.WriteAllTextAsync(Path.Combine(folder, $"reached-{Safe(stage)}-{Environment.ProcessId}"), "", cancellationToken);
        while (File.Exists(hold))
            await Task.Delay(50, cancellationToken);
    }

    public static IReadOnlyList<ProbeEvent> Read(string folder)
    {
        var log = Path.Combine(folder, "executions.log");
        return File.Exists(log)
            ? [.. File.ReadAllLines(log).Select(line => line.Split('\t')).Where(f => f.Length == 4)
                .Select(f => new ProbeEvent(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], long.Parse(f[3], CultureInfo.InvariantCulture)))]
            : [];
    }

    public static IReadOnlyList<string> Overlaps(string folder) =>
        [.. Directory.EnumerateFiles(folder, "overlap-*").Select(Path.GetFileName)!];

    public static string Safe(string stage) => new([.. stage.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    /// <summary>Linux: a process that is gone, or a zombie its parent has not reaped yet, is not alive.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    // Appends from several processes: one short write each, in append mode, so lines never interleave.
    private static void Append(string folder, string stage, string what) =>
        File.AppendAllText(Path.Combine(folder, "executions.log"),
            $"{stage}\t{Environment.ProcessId}\t{what}\t{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\n");
}

public sealed record ProbeEvent(string Stage, int Pid, string What, long AtMs);
