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

    [Fact]
    public async Task AnInvalidWorkflowFailsWithItsJsonPathsNotAStackTrace()
    {
        using var dir = new HyenaFlow.Genomics.Tests.Support.TempDirectory("plan");
        string file = dir.File("bad.json");
        await File.WriteAllTextAsync(file, """{ "id": "bad", "version": 1, "stages": [ { "id": "a", "uses": "no-such-activity@1" } ] }""");
        var (code, _, error) = await CliRunner.RunAsync("runs", "plan", file);
        Assert.Equal(1, code);
        Assert.Contains("$.stages[0].uses", error);
        Assert.DoesNotContain("   at ", error);
    }
}
