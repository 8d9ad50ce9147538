namespace HyenaFlow.Tracking;

/// <summary>The tags every new run carries, whichever store holds it.</summary>
internal static class RunTags
{
    public static IReadOnlyList<MlflowTag> Compose(string runName, string user, string? parentRunId, IReadOnlyDictionary<string, string>? extra)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            tags[key] = value;
        }

        tags[MlflowTags.RunName] = runName;
        tags.TryAdd(MlflowTags.User, user);
        if (parentRunId is not null)
        {
            tags[MlflowTags.ParentRunId] = parentRunId;
        }

        var list = tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new MlflowTag(t.Key, t.Value)).ToList();
        foreach (var tag in list)
        {
            MlflowLimits.ValidateTag(tag);
        }

        return list;
    }
}
