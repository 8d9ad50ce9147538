using System.Text.Json;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>Reads the DAG edges and outputs stored on stage rows.</summary>
internal static class StageGraph
{
    public static IReadOnlyList<string> DependsOn(StageRunRecord stage) =>
        JsonSerializer.Deserialize<List<string>>(stage.DependsOnJson) ?? [];

    public static JsonObject Outputs(StageRunRecord stage) =>
        stage.OutputsJson is { } json ? JsonNode.Parse(json)!.AsObject() : new JsonObject();

    /// <summary>The stages that depend on any of <paramref name="roots"/>, directly or not, with the roots.</summary>
    public static HashSet<string> WithDependents(IReadOnlyList<StageRunRecord> stages, IEnumerable<string> roots)
    {
        var selected = new HashSet<string>(roots, StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var stage in stages.Where(s => !selected.Contains(s.StageId)))
            {
                if (DependsOn(stage).Any(selected.Contains))
                    grew |= selected.Add(stage.StageId);
            }
        }
        while (grew);
        return selected;
    }

    /// <summary>A folder name for a stage id such as <c>finetune[arm=32k-main]</c>.</summary>
    public static string FolderName(string stageId)
    {
        var safe = new string(stageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return safe == stageId ? safe : safe + "-" + Caching.StableJson.Sha256(stageId)[..8];
    }
}
