using Azure;

namespace HyenaFlow.Storage.Blobs;

/// <summary>Which failures are worth another attempt: lost connections, timeouts, throttling and server errors.</summary>
internal static class TransientFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException many => many.InnerExceptions.Any(e => Is(e, cancellationToken)),
        HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };
}
