using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Definitions.Matrix;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class MatrixExpanderTests
{
    private static MatrixDefinition Matrix(string json)
    {
        var text = $$"""{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "x@1", "matrix": {{json}} }] }""";
        var definition = WorkflowDefinitionReader.Parse(text);
        Assert.Empty(definition.ReadProblems);
        return definition.Stages[0].Matrix!;
    }

    private static List<string> Ids(string json) => MatrixExpander.Expand(Matrix(json)).Select(c => c.IdFor("s")).ToList();

    private static List<string> Cells(string json) =>
        MatrixExpander.Expand(Matrix(json)).Select(c => c.ToJson().ToJsonString()).ToList();

    [Fact]
    public void Cartesian_product_with_the_first_axis_varying_slowest() =>
        Assert.Equal(
            ["s[arm=1k-main,seed=1]", "s[arm=1k-main,seed=2]", "s[arm=32k-main,seed=1]", "s[arm=32k-main,seed=2]"],
            Ids("""{ "arm": ["1k-main", "32k-main"], "seed": [1, 2] }"""));

    [Fact]
    public void Exclude_removes_every_cell_a_partial_entry_matches() =>
        Assert.Equal(
            ["s[arm=a,seed=1]", "s[arm=a,seed=2]", "s[arm=b,seed=2]"],
            Ids("""{ "arm": ["a", "b", "c"], "seed": [1, 2], "exclude": [{ "arm": "b", "seed": 1 }, { "arm": "c" }] }"""));

    [Fact]
    public void Include_extends_matching_cells_without_changing_their_ids()
    {
        const string matrix = """{ "arm": ["a", "b"], "seed": [1, 2], "include": [{ "arm": "b", "freeze": true }, { "lr": 0.1 }] }""";

        Assert.Equal(["s[arm=a,seed=1]", "s[arm=a,seed=2]", "s[arm=b,seed=1]", "s[arm=b,seed=2]"], Ids(matrix));
        Assert.Equal(
            [
                """{"arm":"a","seed":1,"lr":0.1}""", """{"arm":"a","seed":2,"lr":0.1}""",
                """{"arm":"b","seed":1,"freeze":true,"lr":0.1}""", """{"arm":"b","seed":2,"freeze":true,"lr":0.1}""",
            ],
            Cells(matrix));
    }

    [Fact]
    public void Include_that_contradicts_every_cell_adds_a_new_cell_identified_by_all_its_keys()
    {
        const string matrix = """{ "arm": ["a", "b"], "include": [{ "extra": "x", "arm": "z" }] }""";

        Assert.Equal(["s[arm=a]", "s[arm=b]", "s[arm=z,extra=x]"], Ids(matrix));
    }

    [Fact]
    public void Later_includes_overwrite_added_values_but_never_axis_values() =>
        Assert.Equal(
            ["""{"arm":"a","lr":2}""", """{"arm":"b","lr":1}""", """{"arm":"c","lr":3}"""],
            Cells("""{ "arm": ["a", "b"], "include": [{ "lr": 1 }, { "arm": "a", "lr": 2 }, { "arm": "c", "lr": 3 }] }"""));

    [Fact]
    public void Include_re_adds_an_excluded_combination_as_a_new_cell() =>
        Assert.Equal(
            ["s[arm=a]", "s[arm=b,note=back]"],
            Ids("""{ "arm": ["a", "b"], "exclude": [{ "arm": "b" }], "include": [{ "arm": "b", "note": "back" }] }"""));

    [Fact]
    public void Include_only_matrix_makes_one_cell_per_entry() =>
        Assert.Equal(["s[os=linux,gpu=true]", "s[os=mac]"], Ids("""{ "include": [{ "os": "linux", "gpu": true }, { "os": "mac" }] }"""));

    [Fact]
    public void Values_that_would_break_an_id_are_percent_encoded()
    {
        var cell = new MatrixCell([new("name", JsonValue.Create("a,b=c [d]%")), new("n", JsonNode.Parse("1.50"))]);

        Assert.Equal("s[name=a%2Cb%3Dc%20%5Bd%5D%25,n=1.50]", cell.IdFor("s"));
    }

    [Fact]
    public void Excluding_everything_leaves_no_cells() =>
        Assert.Empty(Ids("""{ "arm": ["a"], "exclude": [{ "arm": "a" }] }"""));
}
