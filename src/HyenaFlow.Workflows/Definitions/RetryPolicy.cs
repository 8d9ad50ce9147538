namespace HyenaFlow.Workflows.Definitions;

/// <summary>How often a failed stage is tried in all (<paramref name="Attempts"/> counts the first try) and how long
/// to wait in between: <paramref name="Delay"/> before the second try, then constant or doubling up to
/// <paramref name="MaxDelay"/>.</summary>
public sealed record RetryPolicy(int Attempts, Backoff? Backoff, Duration? Delay, Duration? MaxDelay)
{
    /// <summary>The wait before attempt <paramref name="attempt"/> (2 = the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        if (attempt < 2 || Delay is null)
            return TimeSpan.Zero;
        var delay = Delay.Value.Value;
        if (Backoff == Definitions.Backoff.Exponential)
            delay = TimeSpan.FromTicks((long)Math.Min(delay.Ticks * Math.Pow(2, attempt - 2), TimeSpan.MaxValue.Ticks));
        return MaxDelay is { } max && delay > max.Value ? max.Value : delay;
    }
}

public enum Backoff
{
    Fixed,
    Exponential,
}
