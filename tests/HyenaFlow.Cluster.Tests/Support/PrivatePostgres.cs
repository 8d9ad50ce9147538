using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HyenaFlow.Cluster.Support;

/// <summary>
/// A private PostgreSQL server for a test collection or a benchmark: initdb in a temp folder, started with pg_ctl
/// on a free loopback port, trust authentication for the superuser <c>hyenaflow</c>, durability off (a test's data
/// need not survive a power cut), stopped and deleted on dispose. PostgreSQL refuses to run as root, so under root (CI)
/// the server runs as the <c>postgres</c> system user the apt package creates.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string User = "hyenaflow";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hf-pg-" + Guid.NewGuid().ToString("N")[..10]);
    private string _bin = "";
    private int _databases;

    private PrivatePostgres()
    {
    }

    public int Port { get; private set; }

    public string DataFolder => Path.Combine(_root, "data");

    /// <summary>Creates and starts a server; dispose stops and deletes it.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        await server.InitializeAsync();
        return server;
    }

    private async Task InitializeAsync()
    {
        _bin = FindBinaries();
        Port = FreePort();
        await RunAsync("mkdir", "-p", _root);
        await RunAsync(Path.Combine(_bin, "initdb"), "-D", DataFolder, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions");
        await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "30", "start", "-o",
            $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>A new, empty database on this server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database, Timeout = 30 }.ConnectionString;

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList()
            : [];
        return versions.Count > 0
            ? Path.Combine(versions[^1], "bin")
            : throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install the apt package 'postgresql' (bash infra/setup.sh)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a server tool, as the postgres user when this process is root.</summary>
    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", tool })
                start.ArgumentList.Add(prefix);
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(tool)} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
    }
}
