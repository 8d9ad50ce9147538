using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Definitions.Planning;
using HyenaFlow.Workflows.Tests.Support;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class PlanTests
{
    private static readonly Dictionary<string, JsonNode> NoValues = [];

    private static WorkflowPlan Thesis(Dictionary<string, JsonNode>? values = null) =>
        WorkflowPlan.Create(WorkflowDefinitionReader.ReadFile(Samples.PathOf("thesis-like.json")), TestCatalog.Create(), values ?? NoValues);

    private static WorkflowPlan Plan(string stages, string parameters = "{}", Dictionary<string, JsonNode>? values = null) =>
        WorkflowPlan.Create(
            WorkflowDefinitionReader.Parse($$"""{ "id": "w", "version": 1, "parameters": {{parameters}}, "stages": [ {{stages}} ] }"""),
            TestCatalog.Create(),
            values ?? NoValues);

    [Fact]
    public void The_thesis_workflow_expands_its_matrices_in_a_stable_topological_order()
    {
        var plan = Thesis();

        Assert.Equal(
            [
                "download-genome", "download-depmap", "import-genome", "import-mutations", "select-cell-lines",
                "build-dataset[length=1024]", "build-dataset[length=32768]",
                "finetune[arm=1k-main]", "finetune[arm=32k-main]", "finetune[arm=32k-random]", "finetune[arm=32k-frozen]",
                "evaluate[arm=1k-main]", "evaluate[arm=32k-main]", "evaluate[arm=32k-random]", "evaluate[arm=32k-frozen]",
                "embed[arm=32k-main,length=32768]", "compare",
            ],
            plan.Stages.Select(s => s.Id));
        var position = plan.Stages.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        Assert.All(plan.Stages, stage => Assert.All(stage.DependsOn, upstream => Assert.True(position[upstream] < position[stage.Id])));
    }

    [Fact]
    public void A_finetune_cell_reads_the_dataset_of_its_own_length_and_has_its_matrix_values_filled_in()
    {
        var frozen = Thesis().Find("finetune[arm=32k-frozen]")!;

        Assert.Equal(["build-dataset[length=32768]"], frozen.DependsOn);
        Assert.Equal(Resources.Gpu, frozen.Resources);
        Assert.Equal("12h", frozen.Timeout!.Value.Text);
        var dataset = frozen.FindInput("dataset")!;
        Assert.Null(dataset.Value);
        var binding = Assert.IsType<OutputBinding>(Assert.Single(Assert.Single(dataset.Pending).Parts));
        Assert.Equal(("build-dataset", "dataset", false), (binding.Stage, binding.Output, binding.FanIn));
        Assert.Equal(["build-dataset[length=32768]"], binding.Cells);
        Assert.Equal(
            [("length", "32768"), ("init", "\"hyenadna-small-32k-seqlen\""), ("freeze", "true"), ("epochs", "10"), ("seed", "1"), ("run-name", "\"32k-frozen-seed1\""), ("learning-rate", "0.0006")],
            frozen.Inputs.Where(i => i.IsResolved).Select(i => (i.Name, i.Value!.ToJsonString())));
        Assert.True(frozen.FindInput("learning-rate")!.FromDefault);
    }

    [Fact]
    public void Compare_fans_in_every_evaluation_and_waits_for_embed_through_needs()
    {
        var compare = Thesis(new() { ["seed"] = 7 }).Find("compare")!;

        var metrics = Assert.Single(compare.FindInput("metrics")!.Pending);
        var binding = Assert.IsType<OutputBinding>(Assert.Single(metrics.Parts));
        Assert.True(binding.FanIn);
        Assert.Equal(["evaluate[arm=1k-main]", "evaluate[arm=32k-main]", "evaluate[arm=32k-random]", "evaluate[arm=32k-frozen]"], binding.Cells);
        Assert.Equal([.. binding.Cells, "embed[arm=32k-main,length=32768]"], compare.DependsOn);
        Assert.Equal("\"HyenaDNA arms, lung vs lymphoid (seed 7)\"", compare.FindInput("title")!.Value!.ToJsonString());

        var resolved = compare.FindInput("metrics")!.Resolve((cell, output) => new JsonObject { ["from"] = $"{cell}.{output}" });
        Assert.Equal(4, resolved!.AsArray().Count);
        Assert.Equal("evaluate[arm=32k-random].metrics", resolved[2]!["from"]!.GetValue<string>());
    }

    [Fact]
    public void Embed_matches_one_cell_on_each_of_two_upstream_matrices()
    {
        var embed = Thesis().Find("embed[arm=32k-main,length=32768]")!;

        Assert.Equal(["build-dataset[length=32768]", "finetune[arm=32k-main]"], embed.DependsOn);
    }

    [Fact]
    public void Pending_values_inside_arrays_and_text_resolve_in_place()
    {
        var plan = Plan(
            """
            { "id": "s", "uses": "synth-data@1" },
            { "id": "g", "uses": "import-genome@1", "with": { "fasta": "${{ stages.s.outputs.fasta }}", "chromosomes": "from ${{ stages.s.outputs.fasta }} / ${{ parameters.p }}" } },
            { "id": "c", "uses": "compare@1", "with": { "metrics": [{ "x": 1 }, "${{ stages.g.outputs.stats }}"], "labels": ["fixed", "${{ parameters.p }}"] } }
            """,
            """{ "p": { "type": "string", "default": "v" } }""");
        string Output(string cell, string name) => $"blob://{cell}/{name}";

        var g = plan.Find("g")!;
        Assert.Equal("\"from blob://s/fasta / v\"", g.FindInput("chromosomes")!.Resolve((c, n) => Output(c, n))!.ToJsonString());
        var c = plan.Find("c")!;
        Assert.Equal("""["fixed","v"]""", c.FindInput("labels")!.Value!.ToJsonString());
        Assert.Equal("""[{"x":1},"blob://g/stats"]""", c.FindInput("metrics")!.Resolve((cell, n) => Output(cell, n))!.ToJsonString());
        Assert.Equal(["s"], g.DependsOn);
    }

    [Fact]
    public void Parameter_values_override_defaults_and_keep_their_types()
    {
        var plan = Thesis(new() { ["lineages"] = new JsonArray("Lung", "Breast"), ["per-lineage"] = 12 });

        var select = plan.Find("select-cell-lines")!;
        Assert.Equal("""["Lung","Breast"]""", select.FindInput("lineages")!.Value!.ToJsonString());
        Assert.Equal("12", select.FindInput("per-lineage")!.Value!.ToJsonString());
        Assert.Equal("12", plan.Parameters.Single(p => p.Key == "per-lineage").Value!.ToJsonString());
    }

    [Fact]
    public void Bad_parameter_values_are_all_reported()
    {
        var error = Assert.Throws<WorkflowValidationException>(() => Plan(
            """{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ parameters.seed }}" } }""",
            """{ "seed": { "type": "integer" }, "name": { "type": "string", "default": "x" } }""",
            new() { ["name"] = 3, ["colour"] = "blue" }));

        Assert.Equal(
            [
                "$.parameters.colour: the workflow has no parameter 'colour'",
                "$.parameters.seed: parameter 'seed' has no default and was not given",
                "$.parameters.name: value number 3 is not of the parameter's type string",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_invalid_definition_is_not_planned()
    {
        var error = Assert.Throws<WorkflowValidationException>(() => Plan("""{ "id": "s", "uses": "synth-data@9" }"""));

        Assert.Equal("$.stages[0].uses", Assert.Single(error.Errors).JsonPath);
    }

    [Fact]
    public void A_one_to_one_reference_that_finds_no_cell_is_a_planning_error()
    {
        var error = Assert.Throws<WorkflowValidationException>(() => Plan("""
            { "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.seed }}" }, "matrix": { "seed": [1, 2] } },
            { "id": "g", "uses": "import-genome@1", "with": { "fasta": "${{ stages.s.outputs.fasta }}" }, "matrix": { "part": ["a", "b"], "include": [{ "seed": 1 }, { "part": "b", "seed": 3 }] } }
            """));

        Assert.Equal(
            "$.stages[1].with.fasta: g[part=b] matches 0 cells of 's' for ${{ stages.s.outputs.fasta }}; expected exactly one",
            Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Needs_on_a_matrix_stage_waits_for_every_cell()
    {
        var plan = Plan("""
            { "id": "s", "uses": "synth-data@1", "matrix": { "seed": [2, 1] } },
            { "id": "t", "uses": "synth-data@1", "needs": ["s"] }
            """);

        Assert.Equal(["s[seed=2]", "s[seed=1]"], plan.Find("t")!.DependsOn);
        Assert.Equal(["s[seed=2]", "s[seed=1]", "t"], plan.Stages.Select(s => s.Id));
    }

    [Fact]
    public void Ties_keep_definition_order_even_when_a_later_stage_is_ready_first()
    {
        var plan = Plan("""
            { "id": "late", "uses": "synth-data@1", "needs": ["early"] },
            { "id": "early", "uses": "synth-data@1" },
            { "id": "free", "uses": "synth-data@1" }
            """);

        Assert.Equal(["early", "late", "free"], plan.Stages.Select(s => s.Id));
    }

    [Fact]
    public void The_text_rendering_shows_stages_dependencies_resources_and_inputs()
    {
        var plan = Plan(
            """
            { "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.seed }}" }, "matrix": { "seed": [1, 2] }, "retry": { "attempts": 3, "backoff": "exponential", "delay": "30s", "maxDelay": "5m" } },
            { "id": "c", "uses": "compare@1", "with": { "metrics": [], "labels": "${{ stages.s.outputs.mutations }}", "title": "n=${{ parameters.n }}" }, "resources": "gpu", "timeout": "1h" }
            """,
            """{ "n": { "type": "integer", "default": 2 } }""");

        Assert.Equal(
            """
            workflow w v1: 3 stages to run (2 in the definition)

            parameters
              n = 2

            stages, in order
              1. s[seed=1]  synth-data@1  cpu  retry 3x exponential from 30s up to 5m
                 needs -
                 seed = 1
                 chromosomes = 3 (default)
              2. s[seed=2]  synth-data@1  cpu  retry 3x exponential from 30s up to 5m
                 needs -
                 seed = 2
                 chromosomes = 3 (default)
              3. c          compare@1     gpu  timeout 1h
                 needs s[seed=1], s[seed=2]
                 metrics = []
                 labels <- [s[seed=1].mutations, s[seed=2].mutations]
                 title = "n=2"

            """.ReplaceLineEndings("\n"),
            plan.ToText());
    }

    [Fact]
    public void The_thesis_plan_text_lists_every_expanded_stage()
    {
        var text = Thesis().ToText();

        Assert.StartsWith("workflow thesis-like v1: 17 stages to run (10 in the definition)\n", text);
        Assert.Contains("\n   8. finetune[arm=1k-main]             finetune@1           gpu  retry 2x  timeout 12h\n", text);
        Assert.Contains("\n      dataset <- build-dataset[length=1024].dataset\n", text);
        Assert.Contains("\n      run-name = \"1k-main-seed1\"\n", text);
        Assert.EndsWith("\n      title = \"HyenaDNA arms, lung vs lymphoid (seed 1)\"\n", text);
    }
}
