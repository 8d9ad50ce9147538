using System.Diagnostics;

namespace HyenaFlow.Genomics.Tests.Fasta;

/// <summary>Runs a real command-line tool (samtools, bgzip) and returns its exit code and raw output bytes.</summary>
public static class ExternalTool
{
    public static (int ExitCode, byte[] Output, string Error) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return (process.ExitCode, output.ToArray(), error.Result);
    }

    /// <summary>Compresses <paramref name="path"/> with the real <c>bgzip</c> into <paramref name="target"/> (BGZF: many gzip members).</summary>
    public static void Bgzip(string path, string target)
    {
        var (code, output, error) = Run("bgzip", "-c", path);
        Assert.True(code == 0, $"bgzip failed: {error}");
        File.WriteAllBytes(target, output);
    }
}
