using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HyenaFlow.Workflows.Runtime.State;

/// <summary>
/// The SQLite file the runtime and Quartz share. Schema: our tables are created from the EF model when the
/// database's <c>user_version</c> says they are missing. Not <c>EnsureCreated</c>: it does nothing once any table
/// exists, and Quartz's tables may be there first. Not migrations: they need the EF design-time tool in every
/// build; a versioned create (user_version 1) gives the same guarantee with upgrade steps added per version.
/// </summary>
public sealed class RuntimeDatabase
{
    private const int SchemaVersion = 1;

    public RuntimeDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            DefaultTimeout = 60,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public RuntimeDbContext Open()
    {
        var options = new DbContextOptionsBuilder<RuntimeDbContext>()
            .UseSqlite(ConnectionString)
            .Options;
        return new RuntimeDbContext(options);
    }

    /// <summary>Creates the file and our tables if needed; WAL so that readers (`runs list`) never block the runner.</summary>
    public void Initialize()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", transaction), System.Globalization.CultureInfo.InvariantCulture);
        if (version < SchemaVersion)
        {
            using var context = Open();
            context.Database.SetDbConnection(connection);
            context.Database.UseTransaction(transaction);
            var creator = (RelationalDatabaseCreator)context.GetService<IDatabaseCreator>();
            creator.CreateTables();
            Execute(connection, $"PRAGMA user_version = {SchemaVersion};", transaction);
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
