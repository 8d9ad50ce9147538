using System.Net.Http.Headers;

namespace HyenaFlow.Tracking.Rest;

/// <summary>How <see cref="RestMlflowClient"/> retries and authenticates.</summary>
public sealed record RestMlflowOptions
{
    /// <summary>Attempts per request in all (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Wait before the first retry; doubles after each further failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on any one wait, including a server's Retry-After.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Sent with every request (MLflow's MLFLOW_TRACKING_TOKEN / basic auth).</summary>
    public AuthenticationHeaderValue? Authorization { get; init; }
}
