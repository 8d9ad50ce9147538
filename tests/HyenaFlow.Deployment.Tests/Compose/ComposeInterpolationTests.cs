namespace HyenaFlow.Deployment.Tests.Compose;

/// <summary>The substitution rules the other checks rely on, as docker compose applies them.</summary>
public sealed class ComposeInterpolationTests
{
    private static readonly Dictionary<string, string> Values = new() { ["SET"] = "value", ["EMPTY"] = "" };

    [Theory]
    [InlineData("${SET}", "value")]
    [InlineData("$SET/x", "value/x")]
    [InlineData("${UNSET}", "")]
    [InlineData("${SET:-d}|${EMPTY:-d}|${UNSET:-d}", "value|d|d")]
    [InlineData("${SET-d}|${EMPTY-d}|${UNSET-d}", "value||d")]
    [InlineData("${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}", "alt||alt")]
    [InlineData("$$SET and $${SET}", "$SET and ${SET}")]
    [InlineData("${SET:?needed}", "value")]
    [InlineData("a: ${SET}\n  # ${UNSET:?comments are not values}\n", "a: value\n  # ${UNSET:?comments are not values}\n")]
    public void Substitutes_like_docker_compose(string text, string expected)
    {
        var (result, _) = ComposeInterpolation.Apply(text, Values, "f.yml");
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Records_each_use_with_its_operator_and_line()
    {
        var (_, uses) = ComposeInterpolation.Apply("a: ${SET}\nb: ${UNSET:-7.5}\n", Values, "f.yml");
        Assert.Equal([new VariableUse("SET", "", "", 1), new VariableUse("UNSET", ":-", "7.5", 2)], uses);
    }

    [Fact]
    public void A_required_variable_that_is_empty_or_missing_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => ComposeInterpolation.Apply("x: 1\npassword: ${EMPTY:?set it in .env}\n", Values, "f.yml"));
        Assert.Equal("f.yml line 2: ${EMPTY:?…} requires EMPTY: set it in .env", error.Message);
        Assert.Throws<InvalidDataException>(() => ComposeInterpolation.Apply("${UNSET?x}", Values, "f.yml"));
        Assert.Throws<InvalidDataException>(() => ComposeInterpolation.Apply("${SET", Values, "f.yml"));
    }
}
