namespace HyenaFlow.Tracking.Rest;

/// <summary>Writes a <see cref="RunSearchFilter"/> in MLflow's search syntax.</summary>
internal static class SearchFilterText
{
    public static string From(RunSearchFilter filter)
    {
        var clauses = new List<string>();
        if (filter.Status is { } status)
        {
            clauses.Add($"attributes.status = '{status.ToWireName()}'");
        }

        foreach (var (key, value) in filter.Tags ?? new Dictionary<string, string>())
        {
            MlflowLimits.ValidateKey("Tag", key);
            clauses.Add($"tags.`{key}` = {Quote(value)}");
        }

        return string.Join(" and ", clauses);
    }

    private static string Quote(string value)
    {
        if (!value.Contains('\''))
        {
            return $"'{value}'";
        }

        if (!value.Contains('"'))
        {
            return $"\"{value}\"";
        }

        throw new ArgumentException($"MLflow's search syntax cannot hold a value with both kinds of quote: {value}");
    }
}
