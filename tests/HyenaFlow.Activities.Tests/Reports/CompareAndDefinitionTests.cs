using System.Text.Json.Nodes;
using HyenaFlow.Activities.Reports;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Definitions.Planning;

namespace HyenaFlow.Activities.Tests.Reports;

public sealed class CompareAndDefinitionTests
{
    [Theory]
    [InlineData("demo.json", 20)]
    [InlineData("thesis.json", 22)]
    public void Shipped_workflows_validate_against_the_built_in_catalog(string file, int stages)
    {
        var path = Path.Combine(RepositoryRoot(), "workflows", file);
        var definition = WorkflowDefinitionReader.Parse(File.ReadAllText(path), path);
        var plan = WorkflowPlan.Create(definition, new ActivityRegistry(BuiltInActivities.All()).Catalog, new Dictionary<string, JsonNode>());
        Assert.Equal(stages, plan.ToText().Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+\. ")));
    }

    [Fact]
    public void Every_stage_of_the_study_has_a_discoverable_activity_with_a_form_schema_per_input()
    {
        var catalog = new ActivityRegistry(BuiltInActivities.All()).Catalog;
        string[] expected =
        [
            "build-dataset", "compare", "download-checkpoint", "download-depmap", "download-genome", "embed", "embed-windows", "evaluate", "finetune",
            "import-genome", "import-mutations", "pretrain", "report", "select-cell-lines", "synth-data", "umap",
        ];
        Assert.Equal(expected, catalog.All.Select(d => d.Name));
        Assert.All(catalog.All, d => Assert.All(d.Inputs, i => Assert.True(i.Schema.ContainsKey("description"), $"{d.Reference} input {i.Name} has no description")));
        var finetune = catalog.Find("finetune", "1")!;
        Assert.Equal(["weights", "best-accuracy", "best-epoch", "epochs", "metrics", "metrics-log"], finetune.Outputs.Select(o => o.Name));
        Assert.Equal("auto", finetune.FindInput("device")!.Default!.GetValue<string>());
    }

    [Fact]
    public async Task Compare_writes_a_table_with_one_column_per_arm_from_nested_fan_ins()
    {
        var root = Path.Combine(Path.GetTempPath(), "hf-compare-" + Guid.NewGuid().ToString("N")[..10]);
        var context = new ActivityContext("run", "compare", 1, root, root, new LocalArtifactStore(Path.Combine(root, "store")), _ => { });
        var results = JsonNode.Parse("""[[{"accuracy":0.5268,"loss":0.69,"sequences":120}],[{"best-accuracy":0.5462,"epochs":3},0.5]]""")!.AsArray();
        var outputs = await new CompareActivity().ExecuteAsync(context, new Dictionary<string, JsonNode>
        {
            ["results"] = results,
            ["labels"] = new JsonArray("1K-main", "32K-main", "32K-frozen"),
            ["title"] = JsonValue.Create("Top accuracies"),
        }, CancellationToken.None);

        var table = outputs["table"]!.GetValue<string>();
        Assert.Contains("| | 1K-main | 32K-main | 32K-frozen |", table);
        Assert.Contains("| Top accuracy | 0.5268 | 0.5462 | 0.5000 |", table);
        Assert.Contains("| Test loss | 0.6900 | – | – |", table);
        Assert.Equal("32K-main", outputs["best"]!.GetValue<string>());
    }

    [Fact]
    public async Task Compare_refuses_labels_that_do_not_match_the_results()
    {
        var context = new ActivityContext("run", "compare", 1, Path.GetTempPath(), Path.GetTempPath(), new LocalArtifactStore(Path.Combine(Path.GetTempPath(), "unused-store")), _ => { });
        await Assert.ThrowsAsync<InvalidDataException>(() => new CompareActivity().ExecuteAsync(context, new Dictionary<string, JsonNode>
        {
            ["results"] = new JsonArray(0.5, 0.6),
            ["labels"] = new JsonArray("only-one"),
            ["title"] = JsonValue.Create(""),
        }, CancellationToken.None));
    }

    // The source file's own location: test binaries may be built far from the checkout (--artifacts-path).
    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
