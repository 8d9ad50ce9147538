using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Tests.Support;

namespace HyenaFlow.Workflows.Tests.Activities;

public class ActivityContractTests
{
    [Theory]
    [InlineData("string")]
    [InlineData("integer")]
    [InlineData("path")]
    [InlineData("artifact[]")]
    [InlineData("integer[][]")]
    [InlineData("any")]
    public void Type_text_round_trips(string text) => Assert.Equal(text, DataType.Parse(text).ToString());

    [Theory]
    [InlineData("float")]
    [InlineData("String")]
    [InlineData("[]")]
    [InlineData("string[")]
    public void Unknown_type_text_is_rejected(string text) => Assert.False(DataType.TryParse(text, out _));

    [Theory]
    [InlineData("integer", "number", true)]
    [InlineData("number", "integer", false)]
    [InlineData("string", "path", true)]
    [InlineData("artifact", "string", true)]
    [InlineData("boolean", "string", false)]
    [InlineData("integer[]", "number[]", true)]
    [InlineData("string", "string[]", false)]
    [InlineData("object[]", "any", true)]
    [InlineData("any", "integer", true)]
    public void Assignability(string from, string to, bool expected) =>
        Assert.Equal(expected, DataType.Parse(from).IsAssignableTo(DataType.Parse(to)));

    [Theory]
    [InlineData("integer", "3", true)]
    [InlineData("integer", "3.0", true)]
    [InlineData("integer", "3.5", false)]
    [InlineData("number", "3.5", true)]
    [InlineData("string[]", "[\"a\", \"b\"]", true)]
    [InlineData("string[]", "[\"a\", 2]", false)]
    [InlineData("object", "{}", true)]
    [InlineData("boolean", "\"true\"", false)]
    public void Literal_acceptance(string type, string json, bool expected) =>
        Assert.Equal(expected, DataType.Parse(type).Accepts(JsonNode.Parse(json)));

    [Fact]
    public void Boxed_numbers_are_judged_like_parsed_ones()
    {
        Assert.True(DataType.Integer.Accepts(JsonValue.Create(5)));
        Assert.False(DataType.Integer.Accepts(JsonValue.Create(2.5)));
    }

    [Fact]
    public void An_input_without_an_explicit_schema_gets_one_from_its_type()
    {
        var input = new InputDescriptor("files", DataType.Path.MakeArray(), false, new JsonArray("a.csv"), "files to read");

        Assert.Equal(
            """{"type":"array","items":{"type":"string","format":"path"},"description":"files to read","default":["a.csv"]}""",
            input.Schema.ToJsonString());
        Assert.False(input.MustBeGiven);
    }

    [Fact]
    public void The_catalog_finds_by_name_and_version_and_lists_by_name()
    {
        var catalog = TestCatalog.Create();

        Assert.Equal("finetune@1", catalog.Find("finetune", "1")!.Reference);
        Assert.Null(catalog.Find("finetune", "2"));
        Assert.Null(catalog.Find("fine-tune", "1"));
        Assert.Equal(catalog.All.Select(a => a.Name).Order(StringComparer.Ordinal), catalog.All.Select(a => a.Name));
        Assert.Equal(12, catalog.All.Count);
        Assert.Equal(Resources.Gpu, catalog.Find("finetune", "1")!.DefaultResources);
    }

    [Fact]
    public void Registering_the_same_activity_twice_is_refused()
    {
        var descriptor = new ActivityDescriptor("a", "1", "c", "d", [], [], Resources.Cpu);

        Assert.Throws<ArgumentException>(() => new ActivityCatalog([descriptor, descriptor with { Description = "other" }]));
    }

    [Theory]
    [InlineData("finetune@1", "finetune", "1")]
    [InlineData("build-dataset@2.1", "build-dataset", "2.1")]
    public void Activity_references_split_into_name_and_version(string text, string name, string version) =>
        Assert.Equal(new ActivityReference(name, version), ActivityReference.TryParse(text, out var r) ? r : null);

    [Theory]
    [InlineData("finetune")]
    [InlineData("finetune@")]
    [InlineData("@1")]
    [InlineData("Finetune@1")]
    [InlineData("finetune@1@2")]
    public void Malformed_activity_references_are_rejected(string text) => Assert.False(ActivityReference.TryParse(text, out _));

    [Fact]
    public void Json_paths_bracket_names_that_would_not_read_after_a_dot()
    {
        Assert.Equal("$.stages[3].with.per-lineage", JsonPaths.Property(JsonPaths.Property(JsonPaths.Index("$.stages", 3), "with"), "per-lineage"));
        Assert.Equal("$.with['a.b']", JsonPaths.Property("$.with", "a.b"));
        Assert.Equal("$.with['it\\'s']", JsonPaths.Property("$.with", "it's"));
    }
}
