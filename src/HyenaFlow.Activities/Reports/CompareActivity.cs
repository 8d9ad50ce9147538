using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Reports;

/// <summary>
/// compare@1: the results table of the study, shaped like the thesis's Table 4.1 (one column per arm, top accuracy
/// first), as Markdown in the output <c>table</c>, which `hyenaflow run` prints at the end. It reads the fan-in of
/// evaluate's or finetune's <c>metrics</c> (objects) or plain accuracies (numbers).
/// </summary>
public sealed class CompareActivity : IActivity
{
    /// <summary>The table's rows: label and the metric keys tried in order.</summary>
    private static readonly (string Label, string[] Keys)[] Rows =
    [
        ("Top accuracy", ["best-accuracy", "accuracy"]),
        ("Test loss", ["loss"]),
        ("AUROC", ["auroc"]),
        ("Cell-line accuracy", ["cell-line-accuracy"]),
        ("Epochs", ["epochs"]),
        ("Test sequences", ["sequences"]),
    ];

    public sealed record Arm(string Label, JsonNode? Result);

    public ActivityDescriptor Descriptor { get; } = new(
        "compare", "1", "reports", "The results table of the arms, like the thesis's Table 4.1, as Markdown.",
        [
            new InputDescriptor("results", DataType.ArrayOf(DataType.Any), true, null, "one result per arm: evaluate's or finetune's metrics, or an accuracy"),
            new InputDescriptor("labels", DataType.ArrayOf(DataType.String), false, new JsonArray(), "column heading per result, in the same order; empty: the results' arm names"),
            new InputDescriptor("title", DataType.String, false, JsonValue.Create("Top accuracies of the fine-tuning experiments"), "caption above the table"),
        ],
        [
            new OutputDescriptor("table", DataType.String, "the Markdown table"),
            new OutputDescriptor("best", DataType.String, "label of the arm with the top accuracy"),
        ],
        Resources.Cpu);

    public Task<IReadOnlyDictionary<string, JsonNode>> ExecuteAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs, CancellationToken cancellationToken)
    {
        var arms = ReadArms(InputValues.Array(inputs, "results"), InputValues.Strings(inputs, "labels"));
        var table = Table(InputValues.String(inputs, "title"), arms);
        var best = arms.MaxBy(a => Value(a.Result, Rows[0].Keys) ?? double.NegativeInfinity)!;
        context.Log(table);
        return Task.FromResult<IReadOnlyDictionary<string, JsonNode>>(new Dictionary<string, JsonNode>
        {
            ["table"] = JsonValue.Create(table),
            ["best"] = JsonValue.Create(best.Label),
        });
    }

    public static IReadOnlyList<Arm> ReadArms(JsonArray results, IReadOnlyList<string> labels)
    {
        if (results.Count == 0)
            throw new InvalidDataException("input 'results' is empty: there is nothing to compare");
        // Results from several matrix stages arrive as an array of their fan-ins: read them in order, flattened.
        var flat = Flatten(results).ToList();
        if (labels.Count != 0 && labels.Count != flat.Count)
            throw new InvalidDataException($"input 'labels' has {labels.Count} heading(s) for {flat.Count} result(s)");
        return flat.Select((result, i) => new Arm(
            labels.Count > 0 ? labels[i] : result?["arm"]?.GetValue<string>() ?? $"#{i + 1}",
            result)).ToList();
    }

    private static IEnumerable<JsonNode?> Flatten(JsonArray array) =>
        array.SelectMany(item => item is JsonArray inner ? Flatten(inner) : [item]);

    public static string Table(string title, IReadOnlyList<Arm> arms)
    {
        var text = new StringBuilder();
        if (title.Length > 0)
            text.Append("**").Append(title).Append("**\n\n");
        text.Append("| |").Append(string.Concat(arms.Select(a => $" {a.Label} |"))).Append('\n');
        text.Append("|---|").Append(string.Concat(arms.Select(_ => "---:|"))).Append('\n');
        foreach (var (label, keys) in Rows)
        {
            var values = arms.Select(a => Value(a.Result, keys)).ToList();
            if (values.All(v => v is null))
                continue;
            var whole = keys[0] is "epochs" or "sequences";
            text.Append("| ").Append(label).Append(" |")
                .Append(string.Concat(values.Select(v => $" {Format(v, whole)} |"))).Append('\n');
        }

        return text.ToString();
    }

    private static double? Value(JsonNode? result, string[] keys)
    {
        if (result is JsonValue plain)
            return keys[0] == "best-accuracy" && plain.GetValueKind() == JsonValueKind.Number ? plain.GetValue<double>() : null;
        if (result is not JsonObject metrics)
            return null;
        foreach (var key in keys)
        {
            if (metrics[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
                return v.GetValue<double>();
        }

        return null;
    }

    private static string Format(double? value, bool whole) => value switch
    {
        null => "–",
        { } v when whole => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v => v.ToString("F4", CultureInfo.InvariantCulture),
    };
}
