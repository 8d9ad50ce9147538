using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Tests.Support;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class ReaderTests
{
    [Fact]
    public void Reads_every_part_of_the_thesis_sample()
    {
        var definition = WorkflowDefinitionReader.ReadFile(Samples.PathOf("thesis-like.json"));

        Assert.Empty(definition.ReadProblems);
        Assert.Equal(("thesis-like", 1), (definition.Id, definition.Version));
        Assert.Equal("../../../workflows/schema.json", definition.Schema);
        Assert.Equal(["genome-url", "depmap-release", "lineages", "per-lineage", "windows-per-line", "epochs", "seed"], definition.Parameters.Select(p => p.Name));
        Assert.Equal(DataType.String.MakeArray(), definition.FindParameter("lineages")!.Type);
        Assert.Equal(10, definition.Stages.Count);

        var download = definition.Stages[0];
        Assert.Equal(new RetryPolicy(5, Backoff.Exponential, Duration.Parse("30s"), Duration.Parse("10m")), download.Retry);
        Assert.Equal(TimeSpan.FromHours(2), download.Timeout!.Value.Value);

        var finetune = definition.Stages[definition.IndexOfStage("finetune")];
        Assert.Equal("finetune@1", finetune.Uses);
        Assert.Equal(Resources.Gpu, finetune.Resources);
        Assert.Equal(["dataset", "length", "init", "freeze", "epochs", "seed", "run-name"], finetune.With.Select(i => i.Name));
        Assert.Equal("arm", Assert.Single(finetune.Matrix!.Axes).Name);
        Assert.Equal(4, finetune.Matrix.Include.Count);
        Assert.Equal(["embed"], definition.Stages[^1].Needs);
    }

    [Fact]
    public void Malformed_json_names_file_line_column_and_path()
    {
        const string text = "{\n  \"id\": \"w\",\n  \"stages\": [\n    { \"id\": \"a\" \"uses\": \"x@1\" }\n  ]\n}\n";

        var error = Assert.Throws<WorkflowFormatException>(() => WorkflowDefinitionReader.Parse(text, "w.json"));

        Assert.Equal("w.json", error.File);
        Assert.Equal(4, error.Line);
        Assert.Equal(17, error.Column);
        Assert.Equal("$.stages[0].id", error.JsonPath);
        Assert.StartsWith("w.json:4:17: ", error.Message);
    }

    [Fact]
    public void Column_counts_characters_not_bytes()
    {
        const string text = "{\"description\": \"é—ü\" x}";

        var error = Assert.Throws<WorkflowFormatException>(() => WorkflowDefinitionReader.Parse(text));

        Assert.Equal((1, 23), (error.Line, error.Column));
        Assert.Equal("$.description", error.JsonPath);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"just text\"")]
    public void A_document_that_is_not_an_object_is_rejected(string text)
    {
        var error = Assert.Throws<WorkflowFormatException>(() => WorkflowDefinitionReader.Parse(text, "w.json"));

        Assert.Equal("$", error.JsonPath);
    }

    [Fact]
    public void Trailing_commas_and_comments_are_syntax_errors_because_they_would_not_round_trip()
    {
        Assert.Throws<WorkflowFormatException>(() => WorkflowDefinitionReader.Parse("{\"id\": \"w\",}"));
        Assert.Throws<WorkflowFormatException>(() => WorkflowDefinitionReader.Parse("{\"id\": \"w\" // note\n}"));
    }

    [Fact]
    public void Shape_problems_are_collected_with_their_paths_instead_of_thrown()
    {
        const string text = """
            {
              "id": "w",
              "version": "one",
              "colour": "blue",
              "parameters": { "p": { "type": "float", "default": 1 } },
              "stages": [
                {
                  "id": "a",
                  "uses": "synth-data@1",
                  "resources": "tpu",
                  "timeout": "soon",
                  "retry": { "attempts": 2, "backoff": "linear", "jitter": true },
                  "needs": "b",
                  "matrix": { "seed": 3 },
                  "with": { "seed": 1, "seed": 2 }
                },
                42
              ]
            }
            """;

        var problems = WorkflowDefinitionReader.Parse(text).ReadProblems.Select(p => p.ToString()).ToList();

        Assert.Equal(
        [
            "$.colour: unknown property 'colour'; expected one of $schema, id, version, description, parameters, stages",
            "$.version: expected an integer, found a string",
            "$.parameters.p.type: unknown type 'float'; expected one of string, integer, number, boolean, path, artifact, object, any, optionally followed by []",
            "$.stages[0].needs: expected an array of stage ids, found a string",
            "$.stages[0].matrix.seed: expected an array of values (a matrix axis), found a number",
            "$.stages[0].retry.jitter: unknown property 'jitter'; expected one of attempts, backoff, delay, maxDelay",
            "$.stages[0].retry.backoff: unknown backoff 'linear'; expected \"fixed\" or \"exponential\"",
            "$.stages[0].resources: unknown resources 'tpu'; expected \"cpu\" or \"gpu\"",
            "$.stages[0].timeout: 'soon' is not a duration; write e.g. \"90s\", \"30m\", \"12h\" or \"1h30m\"",
            "$.stages[1]: expected a stage object, found a number",
        ],
            problems.Where(p => !p.StartsWith("$.stages[0].with", StringComparison.Ordinal)));
        Assert.Equal(["seed", "seed"], WorkflowDefinitionReader.Parse(text).Stages[0].With.Select(i => i.Name));
    }

    [Fact]
    public void Missing_required_properties_are_problems_at_the_path_where_they_belong()
    {
        var definition = WorkflowDefinitionReader.Parse("{\"stages\": [{\"with\": {}}]}");

        Assert.Equal(
            ["$.id", "$.version", "$.stages[0].id", "$.stages[0].uses"],
            definition.ReadProblems.Select(p => p.JsonPath));
        Assert.All(definition.ReadProblems, p => Assert.StartsWith("missing required property", p.Message));
    }

    [Fact]
    public void Durations_read_in_every_unit()
    {
        Assert.Equal(TimeSpan.FromMinutes(90), Duration.Parse("1h30m").Value);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Duration.Parse("1s500ms").Value);
        Assert.Equal(TimeSpan.FromDays(2), Duration.Parse("2d").Value);
        Assert.False(Duration.TryParse("30m1h", out _));
        Assert.False(Duration.TryParse("", out _));
        Assert.False(Duration.TryParse("5", out _));
    }

    [Fact]
    public void Exponential_retry_delays_double_up_to_the_cap()
    {
        var retry = new RetryPolicy(5, Backoff.Exponential, Duration.Parse("30s"), Duration.Parse("1m30s"));

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(90)],
            Enumerable.Range(1, 5).Select(retry.DelayBefore));
    }
}
