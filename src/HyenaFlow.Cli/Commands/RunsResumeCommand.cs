using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Cli.Commands;

/// <summary><c>hyenaflow runs resume</c>: become the runner and finish every unfinished run (after a crash, or
/// for `run --detach`).</summary>
public sealed class RunsResumeCommand : CliCommand
{
    public override string Name => "runs resume";

    public override string Summary => "Continue every unfinished run (after a crash or kill): finished stages are kept, running ones resume from their checkpoints.";

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        await using var runtime = RuntimeHost.Create();
        if (!await runtime.TryStartAsync(cancellationToken))
        {
            context.Error.WriteLine("another process already runs this database");
            return CliApplication.Ok;
        }

        var queries = new RunQueries(runtime.Database);
        var failed = false;
        while (true)
        {
            var open = (await queries.ListAsync(int.MaxValue, cancellationToken)).Where(r => r.Status == RunStatus.Running).ToList();
            if (open.Count == 0)
                break;
            foreach (var run in open)
            {
                context.Error.WriteLine($"resuming run {run.Id}");
                failed |= await RunFollower.FollowAsync(runtime, run.Id, context, cancellationToken) != CliApplication.Ok;
            }
        }

        return failed ? 1 : CliApplication.Ok;
    }
}
