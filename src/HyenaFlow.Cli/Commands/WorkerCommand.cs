using System.Runtime.InteropServices;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.Execution;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Cli.Commands;

/// <summary>
/// <c>hyenaflow worker --pool cpu|gpu</c>: joins the cluster on the PostgreSQL database of <c>HYENAFLOW_DB</c> and
/// executes the stages of its pool(s) until stopped. Ctrl+C or SIGTERM hands running stages back; a worker that
/// dies instead has its stages run again by another worker of the same pool once its check-in is overdue.
/// </summary>
public sealed class WorkerCommand : CliCommand
{
    public override string Name => "worker";

    public override string Summary => "Join the cluster (HYENAFLOW_DB=postgres://…) and execute the stages of one pool until stopped.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("pool", "cpu|gpu", "The pool whose stages this worker executes (a stage's `resources`); repeat for several.", Repeatable: true, Default: "cpu"),
        new("concurrency", "N", "Stages executed at once (default: half the cores; 1 for a gpu worker)."),
    ];

    public override async Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var pools = (args.All("pool") is { Count: > 0 } named ? named : ["cpu"])
            .SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Pool)
            .ToHashSet();
        var options = RuntimeOptions.FromEnvironment();
        var concurrency = args.GetInt32("concurrency", pools.SetEquals([Resources.Gpu]) ? 1 : options.MaxConcurrency);
        if (concurrency < 1)
            throw new UsageException($"--concurrency must be at least 1, got {concurrency}.");
        options = options with { Pools = pools, MaxConcurrency = concurrency };

        // docker stop and systemd send SIGTERM: stop as gracefully as for Ctrl+C.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopping.Cancel();
        });

        await using var runtime = RuntimeHost.Create(options);
        if (!await runtime.TryStartAsync(stopping.Token))
        {
            context.Error.WriteLine($"another process already runs {runtime.Database.Path}: a SQLite database has one runner; several workers need PostgreSQL ({DatabaseSetting.Variable}=postgres://user:password@host:5432/hyenaflow)");
            return CliApplication.Failed;
        }

        var cluster = runtime.Database.Provider == DatabaseProvider.PostgreSql ? $"cluster node {runtime.NodeId}" : "single runner (SQLite)";
        context.Error.WriteLine($"worker on {runtime.Database.Path}: {cluster}, pool {ExecutionPools.Describe(pools)}, {concurrency} at once; Ctrl+C stops");
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await runtime.StopAsync();
        context.Error.WriteLine("worker stopped; its running stages were handed back (another worker, or the next start, runs them)");
        return CliApplication.Ok;
    }

    private static Resources Pool(string text)
    {
        try
        {
            return ExecutionPools.Parse(text, "--pool");
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
