using HyenaFlow.Deployment.Tests.Compose;
using HyenaFlow.Deployment.Tests.Support;

namespace HyenaFlow.Deployment.Tests;

/// <summary>.env.example documents every setting: all that the code reads, all that docker-compose.yml uses, nothing
/// else, and no secret.</summary>
public sealed class EnvExampleTests
{
    private static readonly EnvExample Example = EnvExample.Load();

    [Fact]
    public void Every_setting_the_code_reads_is_documented()
    {
        var missing = CodeSettings.Variables.Where(v => !Example.Settings.ContainsKey(v)).Order().ToList();
        Assert.True(missing.Count == 0, $"{EnvExample.FileName} does not document {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_variable_docker_compose_uses_is_documented()
    {
        var missing = ComposeFile.Load().Uses.Where(u => !Example.Settings.ContainsKey(u.Name)).Select(u => $"{u.Name} (line {u.Line})").Distinct().ToList();
        Assert.True(missing.Count == 0, $"{ComposeFile.FileName} uses variables {EnvExample.FileName} does not document: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Nothing_is_documented_that_neither_the_code_nor_docker_compose_uses()
    {
        var used = ComposeFile.Load().Uses.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var stale = Example.Settings.Values.Where(s => !CodeSettings.Reads(s.Name) && !used.Contains(s.Name)).Select(s => $"{s.Name} (line {s.Line})").ToList();
        Assert.True(stale.Count == 0, $"{EnvExample.FileName} documents settings nothing reads: {string.Join(", ", stale)}");
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("HYENAFLOW_API_KEY")]
    [InlineData("HYENAFLOW_BLOB_CONNECTION_STRING")]
    [InlineData("MLFLOW_TRACKING_TOKEN")]
    [InlineData("MLFLOW_TRACKING_PASSWORD")]
    public void Secrets_are_left_empty(string name)
    {
        Assert.True(Example.Settings.TryGetValue(name, out var setting), $"{EnvExample.FileName} does not document {name}");
        Assert.True(setting!.Value.Length == 0, $"{EnvExample.FileName} line {setting.Line}: {name} must be empty in the example (it is a secret)");
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_number()
    {
        var error = Assert.Throws<InvalidDataException>(() => EnvExample.Parse("# settings\nA=1\nnot a setting\n"));
        Assert.Equal(".env.example line 3: expected NAME=value, got 'not a setting'", error.Message);
        var twice = Assert.Throws<InvalidDataException>(() => EnvExample.Parse("A=1\n\nA=2\n"));
        Assert.Equal(".env.example line 3: A is set a second time (first on line 1)", twice.Message);
    }
}
