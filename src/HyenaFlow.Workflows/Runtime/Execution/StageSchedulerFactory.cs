using HyenaFlow.Workflows.Runtime.State;
using Npgsql;
using Quartz;

namespace HyenaFlow.Workflows.Runtime.Execution;

/// <summary>
/// The Quartz scheduler that executes stage attempts, on the runtime's own database. SQLite: a single node (Quartz
/// refuses to cluster on SQLite). PostgreSQL: a node of a cluster with every other worker on the same database —
/// an instance id of its own (generated), a check-in every <see cref="RuntimeOptions.ClusterCheckinInterval"/>, and
/// recovery of a dead node's stages once its check-in is <see cref="RuntimeOptions.ClusterCheckinMisfireThreshold"/>
/// late. Either way Quartz creates its own tables when they are missing (both schemas ship inside Quartz.dll),
/// and the node serves only the execution groups of its pools.
/// </summary>
internal static class StageSchedulerFactory
{
    /// <summary>Every node of one database shares this name: Quartz's rows are keyed by it.</summary>
    public const string SchedulerName = "hyenaflow";

    public static ISchedulerFactory Create(RuntimeDatabase database, RuntimeOptions options, StageExecutor executor)
    {
        var builder = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.IdleWaitTime = TimeSpan.FromSeconds(1);
            });
            q.UseDefaultThreadPool(Math.Max(1, options.MaxConcurrency));
            q.UseJobFactory(new StageJobFactory(executor));
            if (options.Pools is { } pools)
                q.ServeExecutionGroups([.. pools.Order().Select(ExecutionPools.GroupOf)]);
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Sqlite)
                {
                    store.UseSqlite(database.ConnectionString);
                }
                else
                {
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                    });
                }

                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
        });
        return builder.Build();
    }
}
