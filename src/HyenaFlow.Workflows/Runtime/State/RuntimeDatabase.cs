using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyenaFlow.Workflows.Runtime.State;

/// <summary>
/// The database the runtime and Quartz share: a SQLite file, or a PostgreSQL server that a cluster of workers
/// shares (see <see cref="DatabaseSetting"/>). Schema: our tables are created from the EF model when the recorded
/// schema version says they are missing. Not <c>EnsureCreated</c>: it does nothing once any table exists, and
/// Quartz's tables may be there first. Not migrations: they need the EF design-time tool in every build. Instead
/// the model's create script runs with <c>IF NOT EXISTS</c> on every table and index, so an older database gains
/// the tables of a newer version and keeps its data. SQLite records the version in <c>user_version</c>, PostgreSQL
/// in <c>hf_schema</c>, where an advisory lock also keeps nodes that start together from racing on the DDL.
/// </summary>
public sealed class RuntimeDatabase
{
    /// <summary>1: runs, stages, attempts, logs, cache, schedules. 2: metrics and stage files.</summary>
    private const int SchemaVersion = 2;

    /// <summary>PostgreSQL advisory lock key under which one node at a time creates the schema.</summary>
    private const long SchemaLockKey = 0x4879656e61466c6f; // "HyenaFlo"

    /// <param name="setting">A SQLite file path or a PostgreSQL connection, as <c>HYENAFLOW_DB</c> takes it.</param>
    public RuntimeDatabase(string setting)
    {
        Setting = DatabaseSetting.Parse(setting);
        ConnectionString = Setting.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = Setting.FilePath, DefaultTimeout = 60, Pooling = true }.ToString()
            : Setting.ConnectionString;
    }

    public DatabaseSetting Setting { get; }

    public DatabaseProvider Provider => Setting.Provider;

    /// <summary>The SQLite file; for PostgreSQL the server and database, without the password.</summary>
    public string Path => Setting.FilePath ?? Setting.Display;

    public string ConnectionString { get; }

    public RuntimeDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<RuntimeDbContext>();
        if (Provider == DatabaseProvider.Sqlite)
            builder.UseSqlite(ConnectionString);
        else
            builder.UseNpgsql(ConnectionString);
        return new RuntimeDbContext(builder.Options);
    }

    /// <summary>
    /// Serialises changes to one run's state across processes until the returned lock is completed or disposed:
    /// on PostgreSQL a transaction holding an advisory lock on the run; on SQLite nothing, since one process runs
    /// the file and SQLite's own write lock covers the rest. Take it before reading the state you will change.
    /// </summary>
    public async Task<RunLock> LockRunAsync(RuntimeDbContext db, string runId, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
            return new RunLock(null);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var key = RunLockKey(runId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken).ConfigureAwait(false);
        return new RunLock(transaction);
    }

    private static long RunLockKey(string runId) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("hyenaflow-run:" + runId)), 0);

    /// <summary>Creates the database (SQLite: the file, in WAL mode so that readers never block the runner) and
    /// our tables if needed.</summary>
    public void Initialize()
    {
        if (Provider == DatabaseProvider.Sqlite)
            InitializeSqlite();
        else
            InitializePostgres();
    }

    private void InitializeSqlite()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", transaction), System.Globalization.CultureInfo.InvariantCulture);
        if (version < SchemaVersion)
        {
            CreateTables(connection, transaction);
            Execute(connection, $"PRAGMA user_version = {SchemaVersion};", transaction);
        }

        transaction.Commit();
    }

    private void InitializePostgres()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({SchemaLockKey});", transaction);
        Execute(connection, "CREATE TABLE IF NOT EXISTS hf_schema (version integer NOT NULL);", transaction);
        var version = Scalar(connection, "SELECT max(version) FROM hf_schema;", transaction) is int v ? v : 0;
        if (version < SchemaVersion)
        {
            CreateTables(connection, transaction);
            Execute(connection, "DELETE FROM hf_schema;", transaction);
            Execute(connection, $"INSERT INTO hf_schema (version) VALUES ({SchemaVersion});", transaction);
        }

        transaction.Commit();
    }

    private void CreateTables(DbConnection connection, DbTransaction transaction)
    {
        using var context = Open();
        foreach (var statement in IdempotentCreateStatements(context))
            Execute(connection, statement, transaction);
    }

    private static IEnumerable<string> IdempotentCreateStatements(RuntimeDbContext context) =>
        context.Database.GenerateCreateScript()
            .Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(statement => statement
                .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal));

    private static void Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, string sql, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
