using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Cli.Commands;

/// <summary>How the download verbs talk: one line per file on stdout, retries on stderr.</summary>
internal static class DownloadReport
{
    public static DownloadOptions Options(CliContext context) => new()
    {
        OnRetry = message => context.Error.WriteLine($"\nhyenaflow: {message}"),
    };

    /// <summary>One line per downloaded file: path, size and what it was checked against.</summary>
    public static Task WriteAsync(TextWriter output, DownloadResult result)
    {
        string check = result.VerifiedChecksum ?? "no checksum published";
        string state = result.AlreadyPresent ? "already present" : "downloaded";
        return output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Path}\t{result.Bytes} bytes\t{check}\t{state}"));
    }
}
