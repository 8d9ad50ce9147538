using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using HyenaFlow.Activities;
using HyenaFlow.Cli.Hosting;
using HyenaFlow.Tracking;
using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;

namespace HyenaFlow.Cli.Commands;

/// <summary>
/// How the `run`, `runs`, `schedule` and `worker` verbs reach the runtime: database from <c>HYENAFLOW_DB</c>
/// (default ./.hyenaflow/hyenaflow.db; or a PostgreSQL server, see <see cref="RuntimeOptions"/>), artifacts from <c>HYENAFLOW_ARTIFACTS</c> (default ./.hyenaflow/artifacts,
/// or blob storage when a connection string is set), and activities built in plus those of the assemblies listed
/// in <c>HYENAFLOW_ACTIVITY_ASSEMBLIES</c> (path-separated), for activities of your own. Runs are tracked in MLflow:
/// the server at <c>MLFLOW_TRACKING_URI</c> when it is http(s), otherwise an <c>mlruns/</c> folder.
/// </summary>
internal static class RuntimeHost
{
    public const string AssembliesVariable = "HYENAFLOW_ACTIVITY_ASSEMBLIES";

    /// <param name="options">Runtime options other than the environment's (a worker's pools); null for those.</param>
    public static WorkflowRuntime Create(RuntimeOptions? options = null)
    {
        options ??= RuntimeOptions.FromEnvironment();
        var artifactsRoot = Environment.GetEnvironmentVariable("HYENAFLOW_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(".hyenaflow", "artifacts");
        var store = ArtifactStoreFactory.FromEnvironment(artifactsRoot);
        return new WorkflowRuntime(options, Registry(), store, MlflowRunTracker.FromEnvironment());
    }

    public static ActivityRegistry Registry()
    {
        var activities = new List<IActivity>(BuiltInActivities.All());
        if (Environment.GetEnvironmentVariable(AssembliesVariable) is { Length: > 0 } list)
        {
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                Assembly assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
                activities.AddRange(BuiltInActivities.FromAssembly(assembly));
            }
        }

        return new ActivityRegistry(activities);
    }

    /// <summary>Parameter values from <c>--param k=v</c>: JSON where the parameter's type is not text, else the text.</summary>
    public static Dictionary<string, JsonNode> Parameters(IReadOnlyList<string> pairs, WorkflowDefinition definition)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new CommandLine.UsageException($"--param expects NAME=VALUE, got '{pair}'.");
            var name = pair[..equals];
            var text = pair[(equals + 1)..];
            var textual = definition.FindParameter(name)?.Type.IsStringLike ?? false;
            JsonNode? value = null;
            if (!textual)
            {
                try
                {
                    value = JsonNode.Parse(text);
                }
                catch (System.Text.Json.JsonException)
                {
                }
            }

            values[name] = value ?? JsonValue.Create(text);
        }

        return values;
    }

    public static string Describe(StageRunRecord stage)
    {
        var took = stage is { StartedAt: { } start, FinishedAt: { } end } ? (end - start).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "";
        return $"{stage.Status.ToString().ToLowerInvariant(),-9} {took,9}  attempts {stage.Attempts}";
    }

    /// <summary>Starts `hyenaflow runs resume` in the background, detached from this terminal.</summary>
    public static void SpawnWorker()
    {
        var process = Environment.ProcessPath ?? "hyenaflow";
        var start = new System.Diagnostics.ProcessStartInfo(process) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add("runs");
        start.ArgumentList.Add("resume");
        System.Diagnostics.Process.Start(start);
    }
}
