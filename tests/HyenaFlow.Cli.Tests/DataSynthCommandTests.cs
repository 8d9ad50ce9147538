using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Cli.Tests;

public sealed class DataSynthCommandTests
{
    [Fact]
    public async Task WritesTheDemoDataAndPrintsASummary()
    {
        using var dir = new TempDirectory("cli-synth");
        var (code, output, error) = await CliRunner.RunAsync("data", "synth", "--out", dir.Path, "--seed", "3", "--signal", "0.5");
        Assert.True(code == 0, error);
        Assert.Contains("genome.fna.gz", output);
        Assert.Contains("OmicsSomaticMutations.csv", output);
        Assert.Contains("40 Lung, 40 Lymphoid, 6 Non-Cancerous, 15 other", output);
        Assert.Contains("seed 3", output);
        foreach (string file in new[] { "genome.fna.gz", "md5checksums.txt", "OmicsSomaticMutations.csv", "Model.csv", "ground_truth.json" })
        {
            Assert.True(File.Exists(dir.File(file)), file);
        }

        Assert.Contains("\"signal\": 0.5", File.ReadAllText(dir.File("ground_truth.json")));
    }

    [Theory]
    [InlineData("--profile", "huge")]
    [InlineData("--signal", "1.5")]
    [InlineData("--signal", "strong")]
    [InlineData("--seed", "x")]
    public async Task BadValuesAreUsageErrors(string option, string value)
    {
        using var dir = new TempDirectory("cli-synth-bad");
        var (code, _, error) = await CliRunner.RunAsync("data", "synth", "--out", dir.Path, option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, error);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task MissingOutIsAUsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync("data", "synth");
        Assert.Equal(2, code);
        Assert.Contains("--out", error);
    }

    [Fact]
    public async Task AnOutputPathThatIsAFileFails()
    {
        using var dir = new TempDirectory("cli-synth-file");
        string file = dir.File("not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var (code, _, error) = await CliRunner.RunAsync("data", "synth", "--out", file);
        Assert.Equal(1, code);
        Assert.Contains("error", error);
    }
}
