using HyenaFlow.Workflows.Activities;
using Quartz;
using Quartz.Extensibility;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>
/// The Quartz side of stage execution: one durable job per stage attempt, keyed <c>run/stage/attempt</c>, with
/// RequestRecovery so that Quartz fires it again when the process died while it ran. The job itself only hands
/// over to <see cref="StageExecutor"/>; all DAG state lives in the runtime's tables.
/// </summary>
internal static class StageJobs
{
    public const string Group = "hyenaflow-stages";

    public static JobKey KeyOf(string runId, string stageId, int attempt) => new($"{runId}/{stageId}/{attempt}", Group);

    /// <summary>Schedules the attempt unless a job for it already exists (which makes dispatch idempotent).</summary>
    /// <remarks>The trigger carries the stage's pool as its execution group, which only that pool's workers serve.</remarks>
    public static async Task EnsureScheduledAsync(IScheduler scheduler, string runId, string stageId, int attempt, Resources pool, DateTimeOffset startAt, CancellationToken cancellationToken)
    {
        var key = KeyOf(runId, stageId, attempt);
        if (await scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false) is not null)
            return;
        var job = JobBuilder.Create<StageAttemptJob>()
            .WithIdentity(key)
            .RequestRecovery()
            .UsingJobData("run", runId)
            .UsingJobData("stage", stageId)
            .UsingJobData("attempt", attempt)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, Group)
            .ForJob(key)
            .WithExecutionGroup(ExecutionPools.GroupOf(pool))
            .StartAt(startAt)
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another sweep scheduled it between the check and here: exactly what we wanted.
        }
    }
}

/// <summary>Runs one stage attempt.</summary>
internal sealed class StageAttemptJob(StageExecutor executor) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        await executor.ExecuteAsync(
            data.GetString("run")!,
            data.GetString("stage")!,
            data.GetInt("attempt"),
            cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class StageJobFactory(StageExecutor executor) : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new JobScope(new StageAttemptJob(executor), null));

    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
