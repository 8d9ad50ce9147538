using System.Net.Http.Headers;
using System.Text;
using HyenaFlow.Tracking.FileStore;
using HyenaFlow.Tracking.Rest;

namespace HyenaFlow.Tracking;

/// <summary>
/// Picks the store from <c>MLFLOW_TRACKING_URI</c> the way MLflow does: http(s) → tracking server
/// (with <c>MLFLOW_TRACKING_TOKEN</c> or <c>MLFLOW_TRACKING_USERNAME</c>/<c>_PASSWORD</c>), a path or
/// <c>file:</c> URI → that <c>mlruns</c> folder, unset → <c>./mlruns</c>.
/// </summary>
public static class MlflowClientFactory
{
    public const string TrackingUriVariable = "MLFLOW_TRACKING_URI";

    // One HttpClient for the process, as .NET recommends; the client never disposes it.
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    });

    public static IMlflowClient FromEnvironment(HttpClient? http = null) =>
        Create(
            Environment.GetEnvironmentVariable(TrackingUriVariable),
            http,
            AuthorizationFrom(
                Environment.GetEnvironmentVariable("MLFLOW_TRACKING_TOKEN"),
                Environment.GetEnvironmentVariable("MLFLOW_TRACKING_USERNAME"),
                Environment.GetEnvironmentVariable("MLFLOW_TRACKING_PASSWORD")));

    public static IMlflowClient Create(string? trackingUri, HttpClient? http = null, AuthenticationHeaderValue? authorization = null)
    {
        if (string.IsNullOrWhiteSpace(trackingUri))
        {
            return new FileMlflowClient(Path.Combine(Environment.CurrentDirectory, "mlruns"));
        }

        var text = trackingUri.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1)
        {
            switch (uri.Scheme)
            {
                case "http" or "https":
                    return new RestMlflowClient(http ?? SharedHttp.Value, uri, new RestMlflowOptions { Authorization = authorization });
                case "file":
                    return new FileMlflowClient(uri.LocalPath);
                default:
                    throw new NotSupportedException(
                        $"{TrackingUriVariable}='{text}': HyenaFlow talks to MLflow over http(s) or writes an mlruns folder (a path or file: URI); '{uri.Scheme}' stores are reached through an MLflow server.");
            }
        }

        return new FileMlflowClient(text);
    }

    internal static AuthenticationHeaderValue? AuthorizationFrom(string? token, string? user, string? password)
    {
        if (!string.IsNullOrEmpty(token))
        {
            return new AuthenticationHeaderValue("Bearer", token);
        }

        if (!string.IsNullOrEmpty(user))
        {
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return null;
    }
}
