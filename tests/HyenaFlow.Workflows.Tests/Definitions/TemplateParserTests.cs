using HyenaFlow.Workflows.Definitions.Expressions;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class TemplateParserTests
{
    [Theory]
    [InlineData("${{ parameters.seed }}")]
    [InlineData("${{parameters.seed}}")]
    [InlineData("${{ \tparameters.seed\t }}")]
    [InlineData("${{ parameters . seed }}")]
    public void A_whole_value_reference_with_any_spacing(string text) =>
        Assert.Equal(new ParameterReference("seed"), TemplateParser.Parse(text).WholeValue);

    [Fact]
    public void The_three_reference_shapes()
    {
        Assert.Equal(new StageOutputReference("clean-genome", "genome"), TemplateParser.Parse("${{ stages.clean-genome.outputs.genome }}").WholeValue);
        Assert.Equal(new MatrixReference("arm"), TemplateParser.Parse("${{ matrix.arm }}").WholeValue);
        Assert.Equal("${{ stages.a.outputs.b }}", new StageOutputReference("a", "b").ToString());
    }

    [Fact]
    public void Embedded_references_split_the_text_into_parts()
    {
        var template = TemplateParser.Parse("runs/${{ matrix.arm }}/seed-${{ parameters.seed }}.json");

        Assert.Null(template.WholeValue);
        Assert.Equal(
            [
                new TextPart("runs/"), new ReferencePart(new MatrixReference("arm")), new TextPart("/seed-"),
                new ReferencePart(new ParameterReference("seed")), new TextPart(".json"),
            ],
            template.Parts);
    }

    [Fact]
    public void Text_around_a_single_reference_makes_it_interpolation()
    {
        Assert.Null(TemplateParser.Parse(" ${{ parameters.seed }}").WholeValue);
        Assert.Null(TemplateParser.Parse("${{ parameters.a }}${{ parameters.b }}").WholeValue);
    }

    [Fact]
    public void Plain_text_and_lone_braces_are_literal()
    {
        Assert.False(TemplateParser.Parse("cost: ${ 5 } {{ x }} }}").HasReferences);
        Assert.Equal([new TextPart("$ {{ a }}")], TemplateParser.Parse("$ {{ a }}").Parts);
    }

    [Theory]
    [InlineData("${{ parameters.seed", "unterminated expression at character 1: '${{' without '}}'")]
    [InlineData("${{ }}", "the expression is empty")]
    [InlineData("${{ env.PATH }}", "unknown context 'env'; expected parameters, stages or matrix")]
    [InlineData("${{ parameters }}", "expected parameters.<name>")]
    [InlineData("${{ parameters.a.b }}", "expected parameters.<name>")]
    [InlineData("${{ stages.a.output.b }}", "expected stages.<id>.outputs.<name>")]
    [InlineData("${{ stages.a.outputs }}", "expected stages.<id>.outputs.<name>")]
    [InlineData("${{ matrix }}", "expected matrix.<key>")]
    [InlineData("${{ parameters..seed }}", "a name is missing before '.'")]
    [InlineData("${{ .parameters.seed }}", "a name is missing before '.'")]
    [InlineData("${{ parameters.seed. }}", "a name is missing after the last '.'")]
    [InlineData("${{ parameters.seed + 1 }}", "unexpected '+'")]
    [InlineData("${{ format('{0}', parameters.x) }}", "unexpected '('")]
    [InlineData("${{ parameters.seed || 'x' }}", "unexpected '|'")]
    [InlineData("${{ parameters['seed'] }}", "unexpected '['")]
    [InlineData("${{ parameters.a b }}", "expected '.' before 'b'")]
    public void Anything_but_a_reference_is_an_error_never_evaluated(string text, string problem)
    {
        Assert.False(TemplateParser.TryParse(text, out _, out var error));
        Assert.Contains(problem, error);
        Assert.Throws<FormatException>(() => TemplateParser.Parse(text));
    }
}
