using System.Globalization;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Studio.Tests.Support;

/// <summary>loss-curve@1: reports a training-shaped loss, learning rate and accuracy through the runtime's
/// telemetry in well under a second, so the Studio's charts can be checked without minutes of real training.</summary>
public sealed class LossCurveActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "loss-curve", "1", "test", "Report a decaying loss, a warm-up-then-cosine learning rate and a rising accuracy (for the Studio's charts).",
        [
            new InputDescriptor("steps", DataType.Integer, false, JsonValue.Create(40), "training steps to report"),
            new InputDescriptor("step-ms", DataType.Integer, false, JsonValue.Create(0), "milliseconds each step takes (a run that lasts long enough to be watched)"),
        ],
        [new OutputDescriptor("final-loss", DataType.Number, "the last step's loss")],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var steps = inputs.TryGetValue("steps", out var s) ? s.GetValue<long>() : 40;
        var stepMs = inputs.TryGetValue("step-ms", out var ms) ? (int)ms.GetValue<long>() : 0;
        var loss = 0.0;
        var table = new List<string> { "step,loss" };
        for (var step = 1; step <= steps; step++)
        {
            loss = 0.05 + 0.64 * Math.Exp(-step / 12.0);
            var warmup = Math.Min(1.0, step / 5.0);
            context.LogMetric("train/loss", loss, step);
            context.LogMetric("train/lr", 1e-4 * warmup * 0.5 * (1 + Math.Cos(Math.PI * step / steps)), step);
            if (step % 10 == 0)
                context.LogMetric("test/accuracy", 0.5 + 0.4 * step / steps, step);
            table.Add(string.Create(CultureInfo.InvariantCulture, $"{step},{loss:F4}"));
            context.Progress.Report((double)step / steps);
            if (stepMs > 0)
                await Task.Delay(stepMs, cancellationToken);
        }

        var report = Path.Combine(context.WorkingDirectory, "loss.csv");
        await File.WriteAllLinesAsync(report, table, cancellationToken);
        await context.LogFileAsync(report, null, cancellationToken);
        return new Dictionary<string, JsonNode> { ["final-loss"] = JsonValue.Create(loss) };
    }
}
