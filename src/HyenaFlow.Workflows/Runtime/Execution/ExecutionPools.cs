using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>
/// A stage's pool is its <see cref="Resources"/>, and a pool is a Quartz execution group of the same name
/// (<c>cpu</c>, <c>gpu</c>) on the stage's trigger. A worker serves only its pools' groups, so Quartz itself never
/// hands it another pool's stage — including the recovery trigger of a dead worker's stage, which keeps the group
/// of the firing it replays.
/// </summary>
public static class ExecutionPools
{
    public static string GroupOf(Resources pool) => pool switch
    {
        Resources.Cpu => "cpu",
        Resources.Gpu => "gpu",
        _ => throw new ArgumentOutOfRangeException(nameof(pool), pool, "no execution group for this pool"),
    };

    public static Resources Parse(string text, string source) => text.Trim().ToLowerInvariant() switch
    {
        "cpu" => Resources.Cpu,
        "gpu" => Resources.Gpu,
        _ => throw new ArgumentException($"{source}: unknown pool '{text}'; expected cpu or gpu"),
    };

    /// <summary>A comma-separated list such as <c>cpu,gpu</c>; an empty list means every pool (null).</summary>
    public static IReadOnlySet<Resources>? ParseList(string text, string source)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0 ? null : parts.Select(p => Parse(p, source)).ToHashSet();
    }

    public static string Describe(IReadOnlySet<Resources>? pools) =>
        pools is null ? "every pool" : string.Join(", ", pools.Order().Select(GroupOf));
}
