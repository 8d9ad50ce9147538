namespace HyenaFlow.Cli.CommandLine;

/// <summary>Renders <c>--help</c> for the whole tool and for each verb from the specs themselves.</summary>
public static class HelpWriter
{
    public static void WriteOverview(TextWriter writer, IEnumerable<CliCommand> commands)
    {
        writer.WriteLine("hyenaflow — the HyenaDNA cancer-genomics study as reproducible stages");
        writer.WriteLine();
        writer.WriteLine("Usage: hyenaflow <verb> [options]    (hyenaflow <verb> --help for details)");
        writer.WriteLine();
        var list = commands.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        int width = list.Max(c => c.Name.Length);
        foreach (CliCommand command in list)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}  {command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("Exit codes: 0 ok, 1 failed, 2 bad usage.");
    }

    public static void WriteCommand(TextWriter writer, CliCommand command)
    {
        string args = string.Join(" ", command.Arguments.Select(a => (a.Required ? a.Name : $"[{a.Name}]") + (a.Many ? "..." : "")));
        writer.WriteLine($"Usage: hyenaflow {command.Name} [options] {args}".TrimEnd());
        writer.WriteLine();
        writer.WriteLine(command.Summary);
        if (command.Arguments.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Arguments:");
            foreach (ArgumentSpec a in command.Arguments)
            {
                writer.WriteLine($"  {a.Name,-24} {a.Description}");
            }
        }

        writer.WriteLine();
        writer.WriteLine("Options:");
        foreach (OptionSpec o in command.Options)
        {
            string left = o.IsFlag ? $"--{o.Name}" : $"--{o.Name} {o.ValueName}";
            string notes = (o.Required ? " (required)" : "") + (o.Repeatable ? " (repeatable)" : "") + (o.Default is null ? "" : $" (default: {o.Default})");
            writer.WriteLine($"  {left,-24} {o.Description}{notes}");
        }

        writer.WriteLine($"  {"--help",-24} Show this help.");
    }
}
