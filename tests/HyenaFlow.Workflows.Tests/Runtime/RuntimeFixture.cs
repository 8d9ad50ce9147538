using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;

namespace HyenaFlow.Workflows.Tests.Runtime;

/// <summary>A real runtime on a fresh SQLite file in a temporary folder.</summary>
public sealed class RuntimeFixture : IAsyncDisposable
{
    public RuntimeFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "hf-runtime-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        Options = new RuntimeOptions { DatabasePath = Path.Combine(Root, "hyenaflow.db"), MaxConcurrency = 2, SweepInterval = TimeSpan.FromMilliseconds(300) };
        Registry = new ActivityRegistry([new EmitActivity(Log), new SumActivity(Log), new FlakyActivity(Log)]);
        Store = new LocalArtifactStore(Path.Combine(Root, "artifacts"));
    }

    public string Root { get; }

    public RuntimeOptions Options { get; }

    public ExecutionLog Log { get; } = new();

    public ActivityRegistry Registry { get; }

    public LocalArtifactStore Store { get; }

    public async Task<WorkflowRuntime> StartAsync()
    {
        var runtime = new WorkflowRuntime(Options, Registry, Store);
        await runtime.StartAsync(CancellationToken.None);
        return runtime;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
