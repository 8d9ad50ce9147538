using System.Diagnostics;
using HyenaFlow.Workflows.Runtime.State;
using Quartz;
using Quartz.Extensibility;

namespace HyenaFlow.Workflows.Bench;

/// <summary>
/// Bare Quartz.NET on the AdoJobStore the runtime uses, configured the way the runtime configures it (same SQLite
/// setup, idle wait, thread pool, serializer, recoverable jobs), with empty jobs and none of the runtime's tables:
/// the floor the runtime is built on. Times are taken with the same clock the runtime writes to its tables.
/// </summary>
public static class QuartzReference
{
    private const string Group = "bench";

    /// <summary>A chain of empty jobs, each scheduling the next as it ends; milliseconds from one's end to the next's start.</summary>
    public static async Task<IReadOnlyList<double>> ChainLatenciesAsync(string databasePath, int length, int threads)
    {
        var started = new DateTimeOffset[length];
        var ended = new DateTimeOffset[length];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var scheduler = await StartAsync(databasePath, threads, async (context, cancellationToken) =>
        {
            var index = context.MergedJobDataMap.GetInt("index");
            started[index] = DateTimeOffset.UtcNow;
            ended[index] = DateTimeOffset.UtcNow;
            if (index + 1 < length)
                await ScheduleAsync(context.Scheduler, index + 1, cancellationToken).ConfigureAwait(false);
            else
                done.TrySetResult();
        }).ConfigureAwait(false))
        {
            await ScheduleAsync(scheduler.Scheduler, 0, CancellationToken.None).ConfigureAwait(false);
            await done.Task.WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        }

        return Enumerable.Range(1, length - 1).Select(i => (started[i] - ended[i - 1]).TotalMilliseconds).ToList();
    }

    /// <summary>Schedules <paramref name="count"/> empty jobs to fire now, one after the other, and waits until all ran:
    /// the time from the first schedule to the last job's end.</summary>
    public static async Task<TimeSpan> FireAllAsync(string databasePath, int count, int threads)
    {
        var fired = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scheduler = await StartAsync(databasePath, threads, (_, _) =>
        {
            if (Interlocked.Increment(ref fired) == count)
                done.TrySetResult();
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            await ScheduleAsync(scheduler.Scheduler, i, CancellationToken.None).ConfigureAwait(false);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        return clock.Elapsed;
    }

    private static Task ScheduleAsync(IScheduler scheduler, int index, CancellationToken cancellationToken)
    {
        var key = new JobKey($"job-{index}", Group);
        var job = JobBuilder.Create<ReferenceJob>().WithIdentity(key).RequestRecovery().UsingJobData("index", index).Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, Group).ForJob(key).StartNow().Build();
        return scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken).AsTask();
    }

    private static async Task<RunningScheduler> StartAsync(string databasePath, int threads, Func<IJobExecutionContext, CancellationToken, ValueTask> body)
    {
        // The runtime's database setup (WAL, its tables) so that Quartz works on the same kind of file.
        var database = new RuntimeDatabase(databasePath);
        database.Initialize();
        var builder = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "hyenaflow-bench-reference";
                s.IdleWaitTime = TimeSpan.FromSeconds(1);
            });
            q.UseDefaultThreadPool(Math.Max(1, threads));
            q.UseJobFactory(new ReferenceJobFactory(body));
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(database.ConnectionString);
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
        });
        var factory = builder.Build();
        var scheduler = await factory.GetScheduler().ConfigureAwait(false);
        await scheduler.Start().ConfigureAwait(false);
        return new RunningScheduler(factory, scheduler);
    }

    private sealed class RunningScheduler(ISchedulerFactory factory, IScheduler scheduler) : IAsyncDisposable
    {
        public IScheduler Scheduler => scheduler;

        public async ValueTask DisposeAsync()
        {
            await scheduler.Shutdown(waitForJobsToComplete: true).ConfigureAwait(false);
            if (factory is IAsyncDisposable disposable)
                await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class ReferenceJob(Func<IJobExecutionContext, CancellationToken, ValueTask> body) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => body(context, cancellationToken);
    }

    private sealed class ReferenceJobFactory(Func<IJobExecutionContext, CancellationToken, ValueTask> body) : IJobFactory
    {
        public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new JobScope(new ReferenceJob(body), null));

        public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
