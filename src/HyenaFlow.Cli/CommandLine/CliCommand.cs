namespace HyenaFlow.Cli.CommandLine;

/// <summary>
/// One verb of <c>hyenaflow</c>. Subclasses are found by reflection, so adding a verb is adding a file.
/// A verb only parses and prints: the work itself lives in the libraries.
/// </summary>
public abstract class CliCommand
{
    /// <summary>The words that select this verb, e.g. <c>genome import</c>.</summary>
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public virtual IReadOnlyList<OptionSpec> Options => [];

    public virtual IReadOnlyList<ArgumentSpec> Arguments => [];

    public abstract Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken);
}
