using System.Diagnostics;
using System.Text;

namespace HyenaFlow.Cluster.Tests.Support;

/// <summary>A real `hyenaflow` child process (a worker or the API server) on the test's cluster, its output kept
/// for assertions and failure messages. Disposing kills it if it still runs.</summary>
public sealed class HyenaFlowProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HyenaFlowProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts <c>dotnet hyenaflow.dll ARGS</c> in <paramref name="root"/> on the database and folders of the cluster.</summary>
    public static HyenaFlowProcess Start(string name, string root, string database, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hyenaflow.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["HYENAFLOW_DB"] = database;
        start.Environment["HYENAFLOW_ARTIFACTS"] = Path.Combine(root, "artifacts");
        start.Environment["HYENAFLOW_WORK"] = Path.Combine(root, "work-" + name);
        start.Environment["HYENAFLOW_ACTIVITY_ASSEMBLIES"] = typeof(HyenaFlowProcess).Assembly.Location;
        start.Environment["MLFLOW_TRACKING_URI"] = Path.Combine(root, "mlruns");
        start.Environment["HYENAFLOW_THREADS"] = "1";
        foreach (var variable in new[] { "HYENAFLOW_BLOB_CONNECTION_STRING", "HYENAFLOW_POOLS", "HYENAFLOW_API_KEY" })
            start.Environment.Remove(variable);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return new HyenaFlowProcess(name, Process.Start(start)!);
    }

    /// <summary>Waits until the process has printed <paramref name="text"/>; fails with its output when it exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                // HasExited turns true before the asynchronous readers deliver the last lines; waiting for exit
                // waits for them to reach the end of both streams.
                await _process.WaitForExitAsync();
                if (Output.Contains(text, StringComparison.Ordinal))
                    return;
                Assert.Fail($"{Name} exited {_process.ExitCode} before printing '{text}':\n{Output}");
            }

            if (watch.Elapsed > limit)
                Assert.Fail($"{Name} did not print '{text}' within {limit.TotalSeconds} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies. Returns when the process is reaped.</summary>
    public async Task<DateTimeOffset> KillAsync()
    {
        _process.Kill();
        var at = DateTimeOffset.UtcNow;
        await _process.WaitForExitAsync();
        return at;
    }

    /// <summary>SIGTERM, as docker stop and systemd send it: the worker stops gracefully.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
