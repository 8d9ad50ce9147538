namespace HyenaFlow.Engine.Checkpoints;

/// <summary>What an import did.</summary>
/// <param name="Loaded">Model keys that received a tensor.</param>
/// <param name="Ignored">Checkpoint keys deliberately not used, with the reason (e.g. Lightning task modules, tied LM head).</param>
/// <param name="HeadInitialized">True when the model's classification head kept its initialisation because the checkpoint has none.</param>
/// <param name="Missing">Model keys left as they were (only in non-strict mode).</param>
/// <param name="Unexpected">Checkpoint keys that mapped to nothing (only in non-strict mode).</param>
/// <param name="MisShaped">Keys skipped for a shape difference (only in non-strict mode).</param>
public sealed record CheckpointImportReport(
    IReadOnlyList<string> Loaded,
    IReadOnlyList<string> Ignored,
    bool HeadInitialized,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<string> MisShaped);
