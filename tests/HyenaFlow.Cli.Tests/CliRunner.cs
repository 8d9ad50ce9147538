using HyenaFlow.Cli.CommandLine;

namespace HyenaFlow.Cli.Tests;

/// <summary>Runs <c>hyenaflow</c> in-process exactly as the executable would, capturing both streams.</summary>
public static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await new CliApplication().RunAsync(args, output, error, showProgress: false);
        return (code, output.ToString(), error.ToString());
    }
}
