using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Cluster.Tests.Support;

/// <summary>
/// A training-like matrix cell, loaded by the child `hyenaflow` processes through HYENAFLOW_ACTIVITY_ASSEMBLIES:
/// logs a loss curve, takes <c>hold-ms</c>, and returns a value that depends only on its cell. While a file
/// <c>hold-STAGE</c> exists in the probe folder it says so with <c>reached-STAGE-PID</c> and waits, so that a test
/// can kill the process that runs it. The probe hears of every end but a killed process's.
/// </summary>
public sealed class ClusterCellActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("cluster-cell", "1", "test", "a short training stand-in",
        [
            new InputDescriptor("probe", DataType.Path, true, null, "probe folder"),
            new InputDescriptor("cell", DataType.Integer, true, null, "matrix cell"),
            new InputDescriptor("hold-ms", DataType.Integer, false, JsonValue.Create(0), "how long it takes"),
        ],
        [new OutputDescriptor("value", DataType.Integer, "cell² + 1")],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var probe = inputs["probe"].GetValue<string>();
        var cell = inputs["cell"].GetValue<int>();
        StageProbe.Enter(probe, context.StageId);
        try
        {
            await StageProbe.HoldAsync(probe, context.StageId, cancellationToken);
            for (var step = 0; step < 4; step++)
                context.LogMetric("loss", 1.0 / (cell + step + 1), step);
            await Task.Delay(inputs["hold-ms"].GetValue<int>(), cancellationToken);
            return new Dictionary<string, JsonNode> { ["value"] = JsonValue.Create(cell * cell + 1) };
        }
        finally
        {
            StageProbe.Exit(probe, context.StageId);
        }
    }
}

/// <summary>A GPU stage (pool <c>gpu</c>): fans the cells' values in and sums them; holds like the cells.</summary>
public sealed class ClusterGpuSumActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("cluster-gpu-sum", "1", "test", "sums the cells on a GPU worker",
        [new InputDescriptor("probe", DataType.Path, true, null, "probe folder"), new InputDescriptor("values", DataType.Any, true, null, "the cells' values")],
        [new OutputDescriptor("total", DataType.Integer, "their sum")],
        Resources.Gpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var probe = inputs["probe"].GetValue<string>();
        StageProbe.Enter(probe, context.StageId);
        try
        {
            await StageProbe.HoldAsync(probe, context.StageId, cancellationToken);
            return new Dictionary<string, JsonNode> { ["total"] = JsonValue.Create(inputs["values"].AsArray().Sum(v => v!.GetValue<int>())) };
        }
        finally
        {
            StageProbe.Exit(probe, context.StageId);
        }
    }
}
