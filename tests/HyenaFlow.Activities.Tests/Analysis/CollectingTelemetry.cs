using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Analysis;

/// <summary>Keeps what a stage reports, as the runtime would: a copy of each file (the scratch folder may be gone by the
/// time a tracker reads it) under its folder, and every metric.</summary>
public sealed class CollectingTelemetry(string root) : IStageTelemetry
{
    private readonly List<(string Folder, string Name, string Copy)> _files = [];
    private readonly List<(string Key, double Value, long Step)> _metrics = [];

    public IReadOnlyList<(string Folder, string Name, string Copy)> Files => _files;

    public IReadOnlyList<(string Key, double Value, long Step)> Metrics => _metrics;

    public void LogMetric(string key, double value, long step) => _metrics.Add((key, value, step));

    public async Task LogFileAsync(string localPath, string? folder, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(localPath);
        var copy = Path.Combine(root, folder ?? "", name);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        await using (var source = File.OpenRead(localPath))
        await using (var target = File.Create(copy))
            await source.CopyToAsync(target, cancellationToken);
        _files.Add((folder ?? "", name, copy));
    }

    /// <summary>"folder/name" (or "name" at the top) of every file, in the order they were reported.</summary>
    public IReadOnlyList<string> Paths => [.. _files.Select(f => f.Folder.Length > 0 ? $"{f.Folder}/{f.Name}" : f.Name)];
}
