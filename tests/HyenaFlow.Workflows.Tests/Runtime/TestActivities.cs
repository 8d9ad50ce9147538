using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Tests.Runtime;

/// <summary>Small real activities for runtime tests; each records which stages it executed.</summary>
public sealed class ExecutionLog
{
    public ConcurrentQueue<string> Stages { get; } = new();

    public int Count(string stageId) => Stages.Count(s => s == stageId);
}

/// <summary>emit@1: writes <c>value</c> to a file, stores it, and returns the value and the artifact.
/// Fails while the file named by <c>fail-while</c> exists (a cause the test can fix).</summary>
public sealed class EmitActivity(ExecutionLog log) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("emit", "1", "test", "emits a value",
        [
            new InputDescriptor("value", DataType.Integer, true, null, "value"),
            new InputDescriptor("fail-while", DataType.String, false, JsonValue.Create(""), "fails while this file exists"),
        ],
        [new OutputDescriptor("value", DataType.Integer, "value"), new OutputDescriptor("file", DataType.Artifact, "file")],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        log.Stages.Enqueue(context.StageId);
        var flag = inputs["fail-while"].GetValue<string>();
        if (flag.Length > 0 && File.Exists(flag))
            throw new InvalidDataException($"the cause is still there: {flag}");
        var value = inputs["value"].GetValue<int>();
        context.Log($"emitting {value}");
        var path = Path.Combine(context.WorkingDirectory, "value.txt");
        await File.WriteAllTextAsync(path, value.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return new Dictionary<string, JsonNode>
        {
            ["value"] = JsonValue.Create(value),
            ["file"] = await context.PutArtifactAsync(path, cancellationToken),
        };
    }
}

/// <summary>sum@1: adds integers and the numbers in artifact files, so artifacts really travel.</summary>
public sealed class SumActivity(ExecutionLog log) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("sum", "1", "test", "adds",
        [
            new InputDescriptor("values", DataType.Integer.MakeArray(), true, null, "values"),
            new InputDescriptor("files", DataType.Artifact.MakeArray(), false, new JsonArray(), "files holding numbers"),
        ],
        [new OutputDescriptor("total", DataType.Integer, "total")],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        log.Stages.Enqueue(context.StageId);
        var total = inputs["values"].AsArray().Sum(v => v!.GetValue<int>());
        var files = inputs["files"].AsArray();
        for (var i = 0; i < files.Count; i++)
        {
            var path = await context.MaterializeAsync(files[i]!, $"file-{i}", cancellationToken);
            total += int.Parse(await File.ReadAllTextAsync(path, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Dictionary<string, JsonNode> { ["total"] = JsonValue.Create(total) };
    }
}

/// <summary>flaky@1: fails on its first attempt, succeeds on later ones.</summary>
public sealed class FlakyActivity(ExecutionLog log) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("flaky", "1", "test", "fails once", [], [new OutputDescriptor("attempt", DataType.Integer, "attempt")], Resources.Cpu);

    public Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        log.Stages.Enqueue(context.StageId);
        if (context.Attempt == 1)
            throw new IOException("first attempts always fail");
        return Task.FromResult<IReadOnlyDictionary<string, JsonNode>>(new Dictionary<string, JsonNode> { ["attempt"] = JsonValue.Create(context.Attempt) });
    }
}
