using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Tests.Support;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class MatrixValidationTests
{
    private static List<string> Validate(string stages) =>
        WorkflowValidator.Validate(WorkflowDefinitionReader.Parse($$"""
            {
              "id": "w",
              "version": 1,
              "stages": [
                { "id": "synth", "uses": "synth-data@1" },
                {{stages}}
              ]
            }
            """), TestCatalog.Create()).Select(e => e.ToString()).ToList();

    [Fact]
    public void Empty_axis() =>
        Assert.Equal(
            ["$.stages[1].matrix.seed: matrix axis 'seed' is empty; give at least one value", "$.stages[1].matrix: the matrix has no cells: exclude removes every combination"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "matrix": { "seed": [] } }"""));

    [Fact]
    public void Non_array_axis() =>
        Assert.Equal(
            ["$.stages[1].matrix.seed: expected an array of values (a matrix axis), found a string", "$.stages[1].matrix: a matrix needs at least one axis or include entry"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "matrix": { "seed": "1,2" } }"""));

    [Fact]
    public void Matrix_values_must_be_unique_scalars_without_expressions() =>
        Assert.Equal(
            [
                "$.stages[1].matrix.seed[1]: value 1 appears twice in matrix axis 'seed'",
                "$.stages[1].matrix.seed[2]: matrix values are strings, numbers or booleans, not an array",
                "$.stages[1].matrix.seed[3]: matrix values are literals; expressions belong in a stage's with",
            ],
            Validate("""{ "id": "s", "uses": "synth-data@1", "matrix": { "seed": [1, 1, [2], "${{ parameters.x }}"] } }"""));

    [Fact]
    public void Exclude_with_a_key_that_is_no_axis() =>
        Assert.Equal(
            ["$.stages[1].matrix.exclude[0].sed: unknown matrix key 'sed' in exclude; axes: seed"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "matrix": { "seed": [1, 2], "exclude": [{ "sed": 1 }] } }"""));

    [Fact]
    public void Include_with_a_key_nothing_uses() =>
        Assert.Equal(
            ["$.stages[1].matrix.include[0].chromosome: unknown matrix key 'chromosome' in include: it is not an axis, with never reads ${{ matrix.chromosome }} and no referenced matrix stage has that axis"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.seed }}" }, "matrix": { "seed": [1, 2], "include": [{ "seed": 1, "chromosome": 3 }] } }"""));

    [Fact]
    public void Include_keys_read_by_with_are_fine() =>
        Assert.Empty(Validate("""{ "id": "s", "uses": "synth-data@1", "with": { "chromosomes": "${{ matrix.n }}" }, "matrix": { "seed": [1, 2], "include": [{ "n": 3 }] } }"""));

    [Fact]
    public void Excluding_every_combination_leaves_zero_cells() =>
        Assert.Equal(
            ["$.stages[1].matrix: the matrix has no cells: exclude removes every combination"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "matrix": { "seed": [1, 2], "exclude": [{ "seed": 1 }, { "seed": 2 }] } }"""));

    [Fact]
    public void Two_cells_with_the_same_id() =>
        Assert.Equal(
            ["$.stages[1].matrix: the matrix yields cell 's[seed=1]' more than once"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.seed }}" }, "matrix": { "include": [{ "seed": 1 }, { "seed": 1 }] } }"""));

    [Fact]
    public void Empty_matrix_and_empty_entries() =>
        Assert.Equal(
            ["$.stages[1].matrix: a matrix needs at least one axis or include entry", "$.stages[2].matrix.exclude[0]: an entry needs at least one key"],
            Validate("""
                { "id": "s", "uses": "synth-data@1", "matrix": {} },
                { "id": "t", "uses": "synth-data@1", "matrix": { "seed": [1], "exclude": [{}] } }
                """));

    [Fact]
    public void Matrix_reference_without_a_matrix_or_to_an_unknown_key() =>
        Assert.Equal(
            [
                "$.stages[1].with.seed: ${{ matrix.seed }} is undefined: stage 's' has no matrix",
                "$.stages[2].with.seed: unknown matrix key 'sed' in ${{ matrix.sed }}; keys: seed",
            ],
            Validate("""
                { "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.seed }}" } },
                { "id": "t", "uses": "synth-data@1", "with": { "seed": "${{ matrix.sed }}" }, "matrix": { "seed": [1] } }
                """));

    [Fact]
    public void Matrix_key_missing_in_some_cells() =>
        Assert.Equal(
            ["$.stages[1].with.chromosomes: matrix key 'n' has no value in cell s[seed=2]"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "with": { "chromosomes": "${{ matrix.n }}" }, "matrix": { "seed": [1, 2], "include": [{ "seed": 1, "n": 3 }] } }"""));

    [Fact]
    public void Matrix_values_are_checked_cell_by_cell_against_the_input() =>
        Assert.Equal(
            ["$.stages[1].with.seed: expected integer, but ${{ matrix.seed }} is string \"two\" in cell s[seed=two]"],
            Validate("""{ "id": "s", "uses": "synth-data@1", "with": { "seed": "${{ matrix.seed }}" }, "matrix": { "seed": [1, "two"] } }"""));

    [Fact]
    public void Fan_in_makes_a_matrix_output_an_array_for_a_stage_without_that_axis()
    {
        Assert.Equal(
            ["$.stages[2].with.fasta: expected artifact, but ${{ stages.s.outputs.fasta }} is artifact[]"],
            Validate("""
                { "id": "s", "uses": "synth-data@1", "matrix": { "seed": [1, 2] } },
                { "id": "g", "uses": "import-genome@1", "with": { "fasta": "${{ stages.s.outputs.fasta }}" } }
                """));
        Assert.Empty(Validate("""
            { "id": "s", "uses": "synth-data@1", "matrix": { "seed": [1, 2] } },
            { "id": "g", "uses": "import-genome@1", "with": { "fasta": "${{ stages.s.outputs.fasta }}" }, "matrix": { "seed": [1, 2], "chrom": ["x"] } }
            """));
    }

    [Fact]
    public void Fanned_in_arrays_cannot_be_embedded_in_text() =>
        Assert.Equal(
            ["$.stages[2].with.chromosomes: ${{ stages.s.outputs.fasta }} is artifact[] and cannot be embedded in a string; give it as the whole value"],
            Validate("""
                { "id": "s", "uses": "synth-data@1", "matrix": { "seed": [1, 2] } },
                { "id": "g", "uses": "import-genome@1", "with": { "fasta": "${{ stages.synth.outputs.fasta }}", "chromosomes": "from ${{ stages.s.outputs.fasta }}" } }
                """));
}
