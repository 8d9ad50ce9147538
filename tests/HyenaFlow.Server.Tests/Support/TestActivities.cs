using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Server.Tests.Support;

/// <summary>echo@1: returns its text repeated <c>times</c>, logging and reporting progress on the way; fails when
/// the text is "fail", so a test can break a stage and fix it. Reports the length after each repeat as the metric
/// <c>echo/length</c> and the result as the report file <c>texts/echo.txt</c>.</summary>
public sealed class EchoActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "echo",
        "1",
        "test",
        "Repeats a text.",
        [
            new InputDescriptor("text", DataType.String, true, null, "what to repeat"),
            new InputDescriptor("times", DataType.Integer, false, JsonValue.Create(1), "how often"),
        ],
        [new OutputDescriptor("text", DataType.String, "the repeated text")],
        Resources.Cpu);

    public async Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var text = inputs["text"].GetValue<string>();
        var times = inputs.TryGetValue("times", out var t) ? t.GetValue<int>() : 1;
        context.Log($"echoing '{text}' {times} times");
        context.Progress.Report(0.5);
        if (text == "fail")
            throw new InvalidOperationException("asked to fail");
        for (var step = 1; step <= times; step++)
            context.LogMetric("echo/length", text.Length * step, step);
        var result = string.Concat(Enumerable.Repeat(text, times));
        var file = Path.Combine(context.WorkingDirectory, "echo.txt");
        await File.WriteAllTextAsync(file, result, cancellationToken);
        await context.LogFileAsync(file, "texts", cancellationToken);
        return new Dictionary<string, JsonNode> { ["text"] = result };
    }
}
