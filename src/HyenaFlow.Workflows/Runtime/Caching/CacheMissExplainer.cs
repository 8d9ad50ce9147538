namespace HyenaFlow.Workflows.Runtime.Caching;

/// <summary>
/// Why a stage did not hit the cache: its key's fields against the nearest earlier entry for the same stage
/// (the one sharing most fields), field by field.
/// </summary>
public static class CacheMissExplainer
{
    public static IReadOnlyList<string> Explain(IReadOnlyList<CacheField> current, IReadOnlyList<IReadOnlyList<CacheField>> earlier)
    {
        if (earlier.Count == 0)
            return ["no earlier result of this stage is cached: it never finished before with any inputs"];
        var nearest = earlier.MaxBy(e => e.Count(f => current.Any(c => c.Name == f.Name && c.Digest == f.Digest)))!;
        var lines = new List<string>();
        foreach (var field in current)
        {
            var before = nearest.FirstOrDefault(f => f.Name == field.Name);
            if (before is null)
                lines.Add($"{field.Name}: new, now {field.Shown}");
            else if (before.Digest != field.Digest)
                lines.Add($"{field.Name}: was {before.Shown}, now {field.Shown}");
        }

        foreach (var gone in nearest.Where(f => current.All(c => c.Name != f.Name)))
            lines.Add($"{gone.Name}: was {gone.Shown}, now absent");
        if (lines.Count == 0)
            lines.Add("every field matches the nearest cached result; the entry's artifacts are missing from the store or the stage was forced");
        return lines;
    }
}
