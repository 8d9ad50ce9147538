using System.Reflection;
using HyenaFlow.Genomics;
using HyenaFlow.Workflows.Definitions;

namespace HyenaFlow.Cli.CommandLine;

/// <summary>Finds the verb, parses its options and maps outcomes to exit codes 0 (ok), 1 (failed) and 2 (bad usage).</summary>
public sealed class CliApplication
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    private readonly IReadOnlyList<CliCommand> commands;

    public CliApplication(IEnumerable<CliCommand>? commands = null)
    {
        this.commands = (commands ?? Discover()).ToList();
    }

    public IReadOnlyList<CliCommand> Commands => commands;

    public static IEnumerable<CliCommand> Discover() =>
        typeof(CliApplication).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CliCommand)) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (CliCommand)Activator.CreateInstance(t)!);

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool showProgress, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            HelpWriter.WriteOverview(args.Length == 0 ? error : output, commands);
            return args.Length == 0 ? BadUsage : Ok;
        }

        CliCommand? command = commands
            .Where(c => Matches(c, args))
            .OrderByDescending(c => c.Name.Length)
            .FirstOrDefault();
        if (command is null)
        {
            await error.WriteLineAsync($"hyenaflow: unknown verb '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'. Run 'hyenaflow --help' for the list.");
            return BadUsage;
        }

        string[] rest = args[command.Name.Split(' ').Length..];
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            HelpWriter.WriteCommand(output, command);
            return Ok;
        }

        try
        {
            ParsedArguments parsed = CommandParser.Parse(command, rest);
            return await command.RunAsync(parsed, new CliContext(output, error, showProgress), cancellationToken);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"hyenaflow {command.Name}: {e.Message}");
            return BadUsage;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"hyenaflow {command.Name}: cancelled.");
            return Failed;
        }
        catch (Exception e) when (e is DataFormatException or IOException or InvalidOperationException or FormatException or HttpRequestException or UnauthorizedAccessException or InvalidDataException or ArgumentException
            or WorkflowValidationException or WorkflowFormatException)
        {
            await error.WriteLineAsync($"hyenaflow {command.Name}: error: {e.Message}");
            return Failed;
        }
    }

    private static bool Matches(CliCommand command, string[] args)
    {
        string[] words = command.Name.Split(' ');
        return words.Length <= args.Length && words.Select((w, i) => args[i] == w).All(x => x);
    }
}
