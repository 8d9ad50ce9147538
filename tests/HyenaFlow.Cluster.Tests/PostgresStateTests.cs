using HyenaFlow.Cluster.Tests.Support;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyenaFlow.Cluster.Tests;

/// <summary>The runtime's state and Quartz's store on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStateTests(PostgresServer postgres) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hf-pgstate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Nodes_starting_together_create_the_schema_once_and_keep_the_data_on_the_next_start()
    {
        var connection = await postgres.CreateDatabaseAsync("schema");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new RuntimeDatabase(connection).Initialize())));
        var database = new RuntimeDatabase(connection);
        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        await using (var db = database.Open())
        {
            db.Schedules.Add(new ScheduleRecord { Id = "nightly", WorkflowPath = "w.json", Cron = "0 0 3 * * ?", ParametersJson = "{}", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        database.Initialize();
        await using (var db = database.Open())
            Assert.Equal("nightly", (await db.Schedules.SingleAsync()).Id);
        Assert.Equal(["hf_attempts", "hf_cache_entries", "hf_log_lines", "hf_metrics", "hf_runs", "hf_schedules", "hf_schema", "hf_stage_files", "hf_stage_runs"], await TablesAsync(connection, "hf_%"));
    }

    [Fact]
    public async Task A_metric_reported_again_at_the_same_step_replaces_the_value()
    {
        var database = new RuntimeDatabase(await postgres.CreateDatabaseAsync("metrics"));
        database.Initialize();
        var at = DateTimeOffset.UtcNow;
        await using (var db = database.Open())
        {
            await MetricUpsert.ExecuteAsync(db, new MetricRecord { RunId = "r", StageId = "s", Key = "loss", Step = 3, Value = 0.9, Attempt = 1, At = at });
            await MetricUpsert.ExecuteAsync(db, new MetricRecord { RunId = "r", StageId = "s", Key = "loss", Step = 4, Value = 0.8, Attempt = 1, At = at });
            await MetricUpsert.ExecuteAsync(db, new MetricRecord { RunId = "r", StageId = "s", Key = "loss", Step = 3, Value = 0.5, Attempt = 2, At = at.AddSeconds(1) });
        }

        await using var read = database.Open();
        var metrics = await read.Metrics.OrderBy(m => m.Step).ToListAsync();
        Assert.Equal([(3L, 0.5, 2), (4L, 0.8, 1)], metrics.Select(m => (m.Step, m.Value, m.Attempt)));
    }

    [Fact]
    public async Task Quartz_provisions_its_schema_and_any_number_of_runners_join_as_distinct_cluster_nodes()
    {
        var connection = await postgres.CreateDatabaseAsync("quartz");
        var options = new RuntimeOptions { DatabasePath = connection, WorkPath = Path.Combine(_root, "work"), MaxConcurrency = 1 };
        var activities = new ActivityRegistry([new ClusterCellActivity()]);
        await using var first = new WorkflowRuntime(options, activities, new LocalArtifactStore(Path.Combine(_root, "a")));
        await using var second = new WorkflowRuntime(options, activities, new LocalArtifactStore(Path.Combine(_root, "a")));
        Assert.True(await first.TryStartAsync(CancellationToken.None));
        Assert.True(await second.TryStartAsync(CancellationToken.None));
        Assert.NotEqual(first.NodeId, second.NodeId);
        Assert.Contains("qrtz_fired_triggers", await TablesAsync(connection, "qrtz_%"));
        Assert.Contains("qrtz_scheduler_state", await TablesAsync(connection, "qrtz_%"));
    }

    private static async Task<List<string>> TablesAsync(string connectionString, string pattern)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND lower(table_name) LIKE @p ORDER BY 1", connection);
        command.Parameters.AddWithValue("p", pattern);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }
}
