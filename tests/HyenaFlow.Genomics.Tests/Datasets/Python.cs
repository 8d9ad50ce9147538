using System.Diagnostics;

namespace HyenaFlow.Genomics.Tests.Datasets;

/// <summary>The system python with numpy (not the pyenv one on PATH, which lacks numpy).</summary>
internal static class Python
{
    public static string Run(string code)
    {
        var info = new ProcessStartInfo("/usr/bin/python3", ["-c", code]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("python did not start");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python failed: {error.Result}");
        return output;
    }
}
