using System.Globalization;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Workflow;

/// <summary>
/// Activities loaded by the child `hyenaflow` through HYENAFLOW_ACTIVITY_ASSEMBLIES. Each appends its stage id to
/// <c>executions.log</c> in the folder named by its <c>journal</c> input, so the test can count executions across
/// processes.
/// </summary>
public sealed class JournalStepActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("test-step", "1", "test", "records that it ran",
        [new InputDescriptor("journal", DataType.Path, true, null, "folder"), new InputDescriptor("after", DataType.Any, false, JsonValue.Create(0), "an upstream value")],
        [new OutputDescriptor("done", DataType.Integer, "1")],
        Resources.Cpu);

    public Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        Journal.Append(inputs["journal"].GetValue<string>(), context.StageId);
        return Task.FromResult<IReadOnlyDictionary<string, JsonNode>>(new Dictionary<string, JsonNode> { ["done"] = JsonValue.Create(1) });
    }
}

/// <summary>
/// A training stand-in: three epochs, a checkpoint after each in the checkpoint folder, resuming from it.
/// While <c>hold</c> exists it stops after epoch 2, says so with a <c>reached</c> file, and waits.
/// </summary>
public sealed class CheckpointedTrainActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("test-train", "1", "test", "checkpointed stand-in for training",
        [new InputDescriptor("journal", DataType.Path, true, null, "folder"), new InputDescriptor("after", DataType.Any, false, JsonValue.Create(0), "an upstream value")],
        [new OutputDescriptor("resumed-from", DataType.Integer, "epoch the attempt started after")],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var journal = inputs["journal"].GetValue<string>();
        Journal.Append(journal, context.StageId);
        var checkpoint = Path.Combine(context.CheckpointDirectory, "epoch");
        var start = File.Exists(checkpoint) ? int.Parse(await File.ReadAllTextAsync(checkpoint, cancellationToken), CultureInfo.InvariantCulture) : 0;
        context.Log($"resuming after epoch {start}");
        for (var epoch = start + 1; epoch <= 3; epoch++)
        {
            var temp = checkpoint + ".tmp";
            await File.WriteAllTextAsync(temp, epoch.ToString(CultureInfo.InvariantCulture), cancellationToken);
            File.Move(temp, checkpoint, overwrite: true);
            context.Progress.Report(epoch / 3.0);
            if (epoch == 2)
            {
                var hold = Path.Combine(journal, "hold");
                if (File.Exists(hold))
                    await File.WriteAllTextAsync(Path.Combine(journal, "reached"), "", cancellationToken);
                while (File.Exists(hold))
                    await Task.Delay(50, cancellationToken);
            }
        }

        return new Dictionary<string, JsonNode> { ["resumed-from"] = JsonValue.Create(start) };
    }
}

internal static class Journal
{
    public static void Append(string folder, string stage) =>
        File.AppendAllText(Path.Combine(folder, "executions.log"), stage + "\n");

    public static IReadOnlyList<string> Read(string folder) =>
        File.Exists(Path.Combine(folder, "executions.log")) ? File.ReadAllLines(Path.Combine(folder, "executions.log")) : [];
}
