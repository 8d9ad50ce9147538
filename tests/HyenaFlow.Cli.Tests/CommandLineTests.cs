namespace HyenaFlow.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task NoArgumentsIsBadUsage()
    {
        var (code, _, error) = await CliRunner.RunAsync();
        Assert.Equal(2, code);
        Assert.Contains("Usage: hyenaflow", error);
    }

    [Fact]
    public async Task UnknownVerbIsBadUsage()
    {
        var (code, _, error) = await CliRunner.RunAsync("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("unknown verb 'frobnicate'", error);
    }

    [Fact]
    public async Task EveryVerbHasHelp()
    {
        foreach (var command in HyenaFlow.Cli.CommandLine.CliApplication.Discover())
        {
            var (code, output, _) = await CliRunner.RunAsync([.. command.Name.Split(' '), "--help"]);
            Assert.Equal(0, code);
            Assert.Contains($"Usage: hyenaflow {command.Name}", output);
        }
    }
}
