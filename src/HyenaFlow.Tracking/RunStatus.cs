namespace HyenaFlow.Tracking;

/// <summary>MLflow's run states, with the numbers its file store writes into meta.yaml.</summary>
public enum RunStatus
{
    Running = 1,
    Scheduled = 2,
    Finished = 3,
    Failed = 4,
    Killed = 5,
}

internal static class RunStatusNames
{
    /// <summary>The name MLflow's REST API uses ("RUNNING", …).</summary>
    public static string ToWireName(this RunStatus status) => status.ToString().ToUpperInvariant();

    public static RunStatus Parse(string text)
    {
        if (int.TryParse(text, out var number) && Enum.IsDefined(typeof(RunStatus), number))
        {
            return (RunStatus)number;
        }

        if (Enum.TryParse<RunStatus>(text, ignoreCase: true, out var named) && Enum.IsDefined(named))
        {
            return named;
        }

        throw new FormatException($"'{text}' is not an MLflow run status (RUNNING, SCHEDULED, FINISHED, FAILED, KILLED or 1–5).");
    }
}
