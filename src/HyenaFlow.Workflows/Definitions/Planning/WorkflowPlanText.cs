using System.Text;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Definitions.Planning;

/// <summary>
/// The plan as text for a terminal: parameters, then every expanded stage in execution order with its activity,
/// resources, retry and timeout, what it waits for, and its inputs (<c>=</c> a literal, <c>&lt;-</c> an upstream
/// output, <c>(default)</c> filled from the activity).
/// </summary>
internal static class WorkflowPlanText
{
    public static string Render(WorkflowPlan plan)
    {
        var definition = plan.Definition;
        var text = new StringBuilder();
        text.Append($"workflow {definition.Id} v{definition.Version}: {plan.Stages.Count} stages to run");
        text.Append($" ({definition.Stages.Count} in the definition)\n");
        if (definition.Description is { } description)
            text.Append($"  {description}\n");

        if (plan.Parameters.Count > 0)
        {
            text.Append("\nparameters\n");
            foreach (var (name, value) in plan.Parameters)
                text.Append($"  {name} = {CanonicalJson.Inline(value)}\n");
        }

        text.Append("\nstages, in order\n");
        var width = plan.Stages.Max(s => s.Id.Length);
        var activityWidth = plan.Stages.Max(s => s.Activity.Reference.Length);
        var number = plan.Stages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            var stage = plan.Stages[i];
            var label = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(number);
            var indent = new string(' ', number + 4);
            text.Append($"  {label}. {stage.Id.PadRight(width)}  {stage.Activity.Reference.PadRight(activityWidth)}  {(stage.Resources == Resources.Gpu ? "gpu" : "cpu")}");
            if (stage.Retry is { } retry)
                text.Append($"  retry {Retry(retry)}");
            if (stage.Timeout is { } timeout)
                text.Append($"  timeout {timeout}");
            text.Append('\n');
            text.Append($"{indent}needs {(stage.DependsOn.Count == 0 ? "-" : string.Join(", ", stage.DependsOn))}\n");
            foreach (var input in stage.Inputs)
                text.Append($"{indent}{input.Name} {Input(input)}\n");
        }

        return text.ToString();
    }

    private static string Retry(RetryPolicy retry)
    {
        var text = $"{retry.Attempts}x";
        if (retry.Delay is { } delay)
            text += $" {(retry.Backoff == Backoff.Exponential ? "exponential" : "fixed")} from {delay}";
        if (retry.MaxDelay is { } max)
            text += $" up to {max}";
        return text;
    }

    private static string Input(PlannedInput input)
    {
        if (input.IsResolved)
            return $"= {CanonicalJson.Inline(input.Value)}{(input.FromDefault ? " (default)" : "")}";
        if (input.Pending is [{ Location.Count: 0 } whole])
            return "<- " + Pending(whole);
        var places = input.Pending.Select(p => $"{string.Concat(p.Location)} <- {Pending(p)}");
        return $"= {CanonicalJson.Inline(input.Value)} with {string.Join("; ", places)}";
    }

    private static string Pending(PendingValue pending) =>
        pending.Parts is [OutputBinding whole]
            ? whole.ToString()
            : "\"" + string.Concat(pending.Parts.Select(p => p switch
            {
                LiteralText literal => literal.Text,
                OutputBinding binding => "{" + binding + "}",
                _ => "",
            })) + "\"";
}
