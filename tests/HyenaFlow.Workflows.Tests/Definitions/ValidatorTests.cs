using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Tests.Support;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class ValidatorTests
{
    private static IReadOnlyList<ValidationError> Validate(string json) =>
        WorkflowValidator.Validate(WorkflowDefinitionReader.Parse(json), TestCatalog.Create());

    /// <summary>A workflow with a synth stage "synth" and a genome import "genome" before the given stages.</summary>
    private static IReadOnlyList<ValidationError> ValidateStages(string stages, string parameters = "{}") => Validate($$$"""
        {
          "id": "w",
          "version": 1,
          "parameters": {{{parameters}}},
          "stages": [
            { "id": "synth", "uses": "synth-data@1" },
            { "id": "genome", "uses": "import-genome@1", "with": { "fasta": "${{ stages.synth.outputs.fasta }}" } },
            {{{stages}}}
          ]
        }
        """);

    private static void AssertOnly(IReadOnlyList<ValidationError> errors, string path, string messageFragment)
    {
        var error = Assert.Single(errors);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(messageFragment, error.Message);
    }

    [Theory]
    [InlineData("thesis-like.json")]
    [InlineData("minimal.json")]
    [InlineData("synthetic-offline.json")]
    public void The_samples_are_valid(string name) =>
        Assert.Empty(WorkflowValidator.Validate(WorkflowDefinitionReader.ReadFile(Samples.PathOf(name)), TestCatalog.Create()));

    [Fact]
    public void Unknown_activity() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "train-everything@1" }"""), "$.stages[2].uses", "unknown activity 'train-everything'");

    [Fact]
    public void Unknown_version_lists_the_known_ones() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@2" }"""), "$.stages[2].uses", "activity 'synth-data' has no version 2; known versions: 1");

    [Fact]
    public void Uses_without_a_version() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data" }"""), "$.stages[2].uses", "write name@version");

    [Fact]
    public void Missing_required_input_is_reported_where_it_belongs() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "import-genome@1", "with": { "chromosomes": "all" } }"""),
            "$.stages[2].with.fasta", "missing required input 'fasta' (artifact) of import-genome@1");

    [Fact]
    public void Unknown_input_name_lists_the_inputs() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "with": { "sead": 3 } }"""),
            "$.stages[2].with.sead", "unknown input 'sead' for synth-data@1; its inputs: seed, chromosomes");

    [Theory]
    [InlineData("\"3\"", "$.stages[2].with.seed", "expected integer, found string \"3\"")]
    [InlineData("3.5", "$.stages[2].with.seed", "expected integer, found number 3.5")]
    [InlineData("true", "$.stages[2].with.seed", "expected integer, found boolean true")]
    [InlineData("[3]", "$.stages[2].with.seed", "expected integer, found an array")]
    [InlineData("null", "$.stages[2].with.seed", "expected integer, found null")]
    public void Literal_of_the_wrong_json_type(string literal, string path, string message) =>
        AssertOnly(ValidateStages($$"""{ "id": "x", "uses": "synth-data@1", "with": { "seed": {{literal}} } }"""), path, message);

    [Fact]
    public void Array_elements_are_checked_one_by_one() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "compare@1", "with": { "metrics": [{}], "labels": ["a", 2] } }"""),
            "$.stages[2].with.labels[1]", "expected string, found number 2");

    [Fact]
    public void Integers_written_as_whole_decimals_count_as_integers() =>
        Assert.Empty(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "with": { "seed": 3.0, "chromosomes": 1e1 } }"""));

    [Fact]
    public void Reference_type_is_checked_against_the_parameter_type() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "with": { "seed": "${{ parameters.name }}" } }""", """{ "name": { "type": "string" } }"""),
            "$.stages[2].with.seed", "expected integer, but ${{ parameters.name }} is string");

    [Fact]
    public void Reference_type_is_checked_against_the_output_type() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "with": { "seed": "${{ stages.genome.outputs.genome }}" } }"""),
            "$.stages[2].with.seed", "expected integer, but ${{ stages.genome.outputs.genome }} is artifact");

    [Fact]
    public void Integer_parameters_may_feed_number_inputs_and_interpolated_text_feeds_strings() =>
        Assert.Empty(ValidateStages(
            """{ "id": "x", "uses": "finetune@1", "with": { "dataset": "${{ stages.synth.outputs.fasta }}", "length": 1024, "learning-rate": "${{ parameters.n }}", "run-name": "run-${{ parameters.n }}" } }""",
            """{ "n": { "type": "integer", "default": 1 } }"""));

    [Fact]
    public void Interpolated_text_cannot_feed_an_integer() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "with": { "seed": "1${{ parameters.n }}" } }""", """{ "n": { "type": "integer" } }"""),
            "$.stages[2].with.seed", "expected integer, but text with embedded expressions is a string");

    [Fact]
    public void Arrays_cannot_be_embedded_in_text() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "compare@1", "with": { "metrics": [], "title": "for ${{ parameters.l }}" } }""", """{ "l": { "type": "string[]" } }"""),
            "$.stages[2].with.title", "${{ parameters.l }} is string[] and cannot be embedded in a string");

    [Fact]
    public void Reference_to_unknown_parameter() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "with": { "seed": "${{ parameters.missing }}" } }"""),
            "$.stages[2].with.seed", "unknown parameter 'missing' in ${{ parameters.missing }}");

    [Fact]
    public void Reference_to_unknown_stage() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "import-genome@1", "with": { "fasta": "${{ stages.nowhere.outputs.fasta }}" } }"""),
            "$.stages[2].with.fasta", "unknown stage 'nowhere'");

    [Fact]
    public void Reference_to_unknown_output_lists_the_outputs() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "import-genome@1", "with": { "fasta": "${{ stages.synth.outputs.genome }}" } }"""),
            "$.stages[2].with.fasta", "unknown output 'genome' of stage 'synth' in ${{ stages.synth.outputs.genome }}; synth-data@1 has outputs: fasta, mutations, models");

    [Fact]
    public void Reference_nested_inside_an_array_is_found() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "compare@1", "with": { "metrics": ["${{ stages.genome.outputs.stats }}", "${{ stages.genome.outputs.nope }}"] } }"""),
            "$.stages[2].with.metrics[1]", "unknown output 'nope'");

    [Fact]
    public void Stage_referencing_itself() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "import-genome@1", "with": { "fasta": "${{ stages.x.outputs.genome }}" } }"""),
            "$.stages[2].with.fasta", "stage 'x' references its own output");

    [Fact]
    public void Stage_needing_itself() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "needs": ["synth", "x"] }"""), "$.stages[2].needs[1]", "stage 'x' cannot need itself");

    [Fact]
    public void Needs_naming_an_unknown_stage_or_the_same_stage_twice()
    {
        var errors = ValidateStages("""{ "id": "x", "uses": "synth-data@1", "needs": ["ghost", "synth", "synth"] }""");

        Assert.Equal(["$.stages[2].needs[0]: unknown stage 'ghost'", "$.stages[2].needs[2]: 'synth' is listed twice"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Cycle_names_the_stages_in_it()
    {
        var errors = ValidateStages("""
            { "id": "a", "uses": "import-genome@1", "with": { "fasta": "${{ stages.c.outputs.genome }}" } },
            { "id": "b", "uses": "import-genome@1", "with": { "fasta": "${{ stages.a.outputs.genome }}" } },
            { "id": "c", "uses": "import-genome@1", "with": { "fasta": "${{ stages.synth.outputs.fasta }}" }, "needs": ["b"] }
            """);

        AssertOnly(errors, "$.stages[2]", "cycle: a -> c -> b -> a (each stage needs the next)");
    }

    [Fact]
    public void Two_separate_cycles_are_both_reported()
    {
        var errors = ValidateStages("""
            { "id": "a", "uses": "synth-data@1", "needs": ["b"] },
            { "id": "b", "uses": "synth-data@1", "needs": ["a"] },
            { "id": "c", "uses": "synth-data@1", "needs": ["d"] },
            { "id": "d", "uses": "synth-data@1", "needs": ["c"] }
            """);

        Assert.Equal(["$.stages[2]: cycle: a -> b -> a (each stage needs the next)", "$.stages[4]: cycle: c -> d -> c (each stage needs the next)"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Duplicate_stage_id_points_at_the_first() =>
        AssertOnly(ValidateStages("""{ "id": "synth", "uses": "synth-data@1" }"""), "$.stages[2].id", "duplicate stage id 'synth' (first used at $.stages[0])");

    [Theory]
    [InlineData("9lives")]
    [InlineData("has space")]
    [InlineData("a.b")]
    [InlineData("cell[1]")]
    public void Bad_stage_id_format(string id) =>
        AssertOnly(ValidateStages($$"""{ "id": "{{id}}", "uses": "synth-data@1" }"""), "$.stages[2].id", $"'{id}' is not a valid stage id");

    [Fact]
    public void Bad_workflow_id_and_version()
    {
        var errors = Validate("""{ "id": "my workflow", "version": 0, "stages": [{ "id": "s", "uses": "synth-data@1" }] }""");

        Assert.Equal(["$.id", "$.version"], errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void A_workflow_without_stages() =>
        AssertOnly(Validate("""{ "id": "w", "version": 1, "stages": [] }"""), "$.stages", "at least one stage");

    [Fact]
    public void Input_given_twice() =>
        AssertOnly(ValidateStages("""{ "id": "x", "uses": "synth-data@1", "with": { "seed": 1, "seed": 2 } }"""), "$.stages[2].with.seed", "input 'seed' is given twice");

    [Fact]
    public void Parameter_defaults_of_the_wrong_type()
    {
        var errors = ValidateStages("""{ "id": "x", "uses": "synth-data@1" }""",
            """{ "n": { "type": "integer", "default": "ten" }, "l": { "type": "string[]", "default": ["a", 1] }, "e": { "type": "string", "default": "${{ parameters.n }}" } }""");

        Assert.Equal(
        [
            "$.parameters.n.default: default \"ten\" is not of the parameter's type integer",
            "$.parameters.l.default: default [\"a\", 1] is not of the parameter's type string[]",
            "$.parameters.e.default: a default is a literal value; expressions belong in a stage's with",
        ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Bad_expressions_are_errors_at_their_path()
    {
        var errors = ValidateStages("""{ "id": "x", "uses": "compare@1", "with": { "metrics": [], "title": "${{ env.HOME }}", "labels": ["${{ parameters.a + 1 }}", "${{ stages.synth }}"] } }""");

        Assert.Equal(
        [
            "$.stages[2].with.title: bad expression '${{ env.HOME }}': unknown context 'env'; expected parameters, stages or matrix",
            "$.stages[2].with.labels[0]: bad expression '${{ parameters.a + 1 }}': unexpected '+'; only references such as parameters.x, stages.x.outputs.y or matrix.x are allowed",
            "$.stages[2].with.labels[1]: bad expression '${{ stages.synth }}': expected stages.<id>.outputs.<name>",
        ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Bad_retry_and_timeout_values()
    {
        var errors = ValidateStages("""
            { "id": "x", "uses": "synth-data@1", "retry": { "attempts": 0 }, "timeout": "0s" },
            { "id": "y", "uses": "synth-data@1", "retry": { "attempts": 3, "backoff": "exponential" } },
            { "id": "z", "uses": "synth-data@1", "retry": { "attempts": 3, "delay": "1m", "maxDelay": "30s" }, "resources": "tpu" }
            """);

        Assert.Equal(
        [
            "$.stages[4].resources: unknown resources 'tpu'; expected \"cpu\" or \"gpu\"",
            "$.stages[2].retry.attempts: attempts must be between 1 and 100 (the first try counts), not 0",
            "$.stages[2].timeout: timeout must be longer than zero, not 0s",
            "$.stages[3].retry.delay: a backoff needs a delay to start from",
            "$.stages[4].retry.maxDelay: maxDelay 30s is shorter than delay 1m",
        ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Unknown_properties_anywhere_are_errors_with_their_path()
    {
        var errors = ValidateStages("""{ "id": "x", "uses": "synth-data@1", "width": { "seed": 1 } }""");

        AssertOnly(errors, "$.stages[2].width", "unknown property 'width'");
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var errors = ValidateStages("""
            { "id": "x", "uses": "nothing@1" },
            { "id": "x", "uses": "import-genome@1", "with": { "fasta": 1, "extra": "${{ parameters.none }}" } }
            """);

        Assert.Equal(
            [
                "$.stages[3].id: duplicate stage id 'x' (first used at $.stages[2])",
                "$.stages[2].uses: unknown activity 'nothing'",
                "$.stages[3].with.fasta: expected artifact, found number 1",
                "$.stages[3].with.extra: unknown input 'extra' for import-genome@1; its inputs: fasta, chromosomes",
                "$.stages[3].with.extra: unknown parameter 'none' in ${{ parameters.none }}",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void EnsureValid_throws_with_every_error_in_the_message()
    {
        var definition = WorkflowDefinitionReader.Parse("""{ "id": "w", "version": 1, "stages": [{ "id": "s", "uses": "nothing@1" }] }""");

        var error = Assert.Throws<WorkflowValidationException>(() => WorkflowValidator.EnsureValid(definition, TestCatalog.Create()));

        Assert.Contains("$.stages[0].uses: unknown activity 'nothing'", error.Message);
    }
}
