namespace HyenaFlow.Cli.CommandLine;

/// <summary>Where a verb writes: results to <see cref="Out"/>, progress and diagnostics to <see cref="Error"/>.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, bool showProgress)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public IProgress<HyenaFlow.Genomics.ProgressReport> Progress(string label) =>
        showProgress ? new ProgressBar(Error, label) : new Progress<HyenaFlow.Genomics.ProgressReport>();
}
