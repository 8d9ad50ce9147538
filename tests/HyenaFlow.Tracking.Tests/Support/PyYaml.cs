using System.Diagnostics;
using System.Text.Json;

namespace HyenaFlow.Tracking.Tests.Support;

/// <summary>Reads YAML with the system Python's PyYAML (the parser MLflow itself uses), when present.</summary>
public static class PyYaml
{
    private const string Python = "/usr/bin/python3";

    public static bool Available { get; } = Run("-c", "import yaml").ExitCode == 0;

    /// <summary>The file's mapping as PyYAML's safe_load sees it, through JSON.</summary>
    public static JsonElement Load(string path)
    {
        var result = Run("-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))", path);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            return (-1, "", $"{Python} not found");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
