using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace HyenaFlow.Storage.Tests.Support;

/// <summary>
/// A real Azurite blob service (the version pinned in infra/azurite) on a free loopback port, as a child of the
/// test process so it can be stopped, killed and restarted on the same data folder.
/// </summary>
public sealed partial class Azurite : IDisposable
{
    /// <summary>Azurite's well-known development account key: public, documented by Microsoft, fine in tests.</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? process;

    private Azurite(string dataFolder, int port)
    {
        DataFolder = dataFolder;
        Port = port;
    }

    public string DataFolder { get; }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public bool IsRunning => process is { HasExited: false };

    public static string RepositoryRoot =>
        typeof(Azurite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string InstallFolder => Path.Combine(RepositoryRoot, "infra", "azurite");

    /// <summary>Azurite's blob entry point, or a failure that says how to install it.</summary>
    public static string EntryPoint
    {
        get
        {
            var main = Path.Combine(InstallFolder, "node_modules", "azurite", "dist", "src", "blob", "main.js");
            if (!File.Exists(main))
            {
                throw new InvalidOperationException(
                    $"Azurite is not installed ({main} is missing). Run `npm ci --prefix infra/azurite` in {RepositoryRoot} (infra/setup.sh does it).");
            }

            return main;
        }
    }

    public static async Task<Azurite> StartAsync(string dataFolder)
    {
        var azurite = new Azurite(dataFolder, FreePort());
        await azurite.RestartAsync();
        return azurite;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts Azurite on the same port and data folder; returns once it listens.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        Directory.CreateDirectory(DataFolder);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     EntryPoint, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", DataFolder,
                     "--loose", "--skipApiVersionCheck", "--silent", "--disableTelemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new System.Text.StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("successfully listens", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Azurite exited during start-up:\n{output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Ends Azurite the way Ctrl-C would, so it saves its metadata, and waits for it to exit.</summary>
    public void Stop()
    {
        if (!IsRunning)
        {
            return;
        }

        _ = kill(process!.Id, Sigterm);
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            process?.Dispose();
        }
    }

    private const int Sigterm = 15;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
