using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Tests.Support;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class SchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Samples.SchemaPath))!.AsObject();

    private static List<string> PropertiesOf(JsonNode? node) => node!["properties"]!.AsObject().Select(p => p.Key).ToList();

    [Fact]
    public void The_schema_is_draft_2020_12()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void The_schema_lists_every_property_of_the_model_in_canonical_order()
    {
        var defs = Schema["$defs"]!;

        Assert.Equal(WorkflowJsonNames.WorkflowProperties, PropertiesOf(Schema));
        Assert.Equal(WorkflowJsonNames.ParameterProperties, PropertiesOf(defs["parameter"]));
        Assert.Equal(WorkflowJsonNames.StageProperties, PropertiesOf(defs["stage"]));
        Assert.Equal(WorkflowJsonNames.RetryProperties, PropertiesOf(defs["retry"]));
        Assert.Equal(WorkflowJsonNames.MatrixReservedProperties, PropertiesOf(defs["matrix"]));
    }

    [Fact]
    public void The_schema_and_the_code_share_their_patterns_and_enumerations()
    {
        var defs = Schema["$defs"]!;

        Assert.Equal(Identifiers.Pattern, defs["identifier"]!["pattern"]!.GetValue<string>());
        Assert.Equal(Duration.Pattern, defs["duration"]!["pattern"]!.GetValue<string>());
        Assert.Equal(["cpu", "gpu"], defs["stage"]!["properties"]!["resources"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(Enum.GetNames<Resources>().Select(n => n.ToLowerInvariant()), ["cpu", "gpu"]);
        Assert.Equal(["fixed", "exponential"], defs["retry"]!["properties"]!["backoff"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var typePattern = new System.Text.RegularExpressions.Regex(defs["dataType"]!["pattern"]!.GetValue<string>());
        foreach (var name in DataType.KnownNames.Split(", "))
        {
            Assert.Matches(typePattern, name + "[][]");
            Assert.True(DataType.TryParse(name + "[][]", out _));
        }
    }

    [Theory]
    [MemberData(nameof(RoundTripTests.SampleNames), MemberType = typeof(RoundTripTests))]
    public void Every_sample_validates_against_the_schema(string name)
    {
        var errors = new MiniJsonSchema(Schema).Errors(JsonNode.Parse(Samples.Text(name)));

        Assert.Empty(errors);
    }

    public static TheoryData<string> ShapeMistakes => new()
    {
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1" }], "colour": 1 }""",
        """{ "id": "w", "version": "1", "stages": [{ "id": "s", "uses": "synth-data@1" }] }""",
        """{ "id": "w", "version": 0, "stages": [{ "id": "s", "uses": "synth-data@1" }] }""",
        """{ "id": "w w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1" }] }""",
        """{ "id": "w", "version": 1, "stages": [] }""",
        """{ "id": "w", "version": 1, "parameters": { "p": { "type": "float" } }, "stages": [{ "id": "s", "uses": "synth-data@1" }] }""",
        """{ "id": "w", "version": 1, "parameters": { "p": { "default": 1 } }, "stages": [{ "id": "s", "uses": "synth-data@1" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s.1", "uses": "synth-data@1" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "resources": "tpu" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "timeout": "soon" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "timeout": "" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "needs": "t" }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1" }, { "id": "t", "uses": "synth-data@1", "needs": ["s", "s"] }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "with": [] }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "retry": { "attempts": 0 } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "retry": { "attempts": 101 } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "retry": { "backoff": "fixed", "delay": "1s" } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "retry": { "attempts": 2, "backoff": "linear", "delay": "1s" } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "matrix": {} }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.a }}" }, "matrix": { "a": 1 } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.a }}" }, "matrix": { "a": [] } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.a }}" }, "matrix": { "a": [1, 1] } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.a }}" }, "matrix": { "a": [[1]] } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.a }}" }, "matrix": { "a": [1], "exclude": [{}] } }] }""",
        """{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.a }}" }, "matrix": { "a": [1], "include": [{ "a": {} }] } }] }""",
    };

    [Theory]
    [MemberData(nameof(ShapeMistakes))]
    public void The_schema_and_the_validator_reject_the_same_shape_mistakes(string json)
    {
        Assert.NotEmpty(new MiniJsonSchema(Schema).Errors(JsonNode.Parse(json)));
        Assert.NotEmpty(WorkflowValidator.Validate(WorkflowDefinitionReader.Parse(json), TestCatalog.Create()));
    }
}
