namespace HyenaFlow.Engine.Checkpoints;

/// <summary>A checkpoint that does not fit the model: every missing, unexpected and mis-shaped key at once.</summary>
/// <remarks>An IOException so that hosts report it like any unreadable input.</remarks>
public sealed class CheckpointMismatchException : IOException
{
    public CheckpointMismatchException(string path, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misShaped)
        : base(Describe(path, missing, unexpected, misShaped))
    {
        Missing = missing;
        Unexpected = unexpected;
        MisShaped = misShaped;
    }

    /// <summary>Model keys the checkpoint does not provide.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Checkpoint keys that map to no model key.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>"key: checkpoint [..] vs model [..]" for keys whose shapes differ.</summary>
    public IReadOnlyList<string> MisShaped { get; }

    private static string Describe(string path, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misShaped)
    {
        var lines = new List<string> { $"{path}: checkpoint does not match the model." };
        void Section(string title, IReadOnlyList<string> keys)
        {
            if (keys.Count == 0) return;
            lines.Add($"  {title} ({keys.Count}):");
            lines.AddRange(keys.Select(k => "    " + k));
        }
        Section("missing from the checkpoint", missing);
        Section("unexpected in the checkpoint", unexpected);
        Section("shape differs", misShaped);
        return string.Join(Environment.NewLine, lines);
    }
}
