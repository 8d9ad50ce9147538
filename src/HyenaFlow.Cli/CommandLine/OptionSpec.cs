namespace HyenaFlow.Cli.CommandLine;

/// <summary>A <c>--name VALUE</c> option (or a <c>--flag</c> when <see cref="ValueName"/> is null).</summary>
public sealed record OptionSpec(string Name, string? ValueName, string Description, bool Required = false, bool Repeatable = false, string? Default = null)
{
    public bool IsFlag => ValueName is null;
}

/// <summary>A positional argument; the last one may take the rest (<see cref="Many"/>).</summary>
public sealed record ArgumentSpec(string Name, string Description, bool Required = true, bool Many = false);
