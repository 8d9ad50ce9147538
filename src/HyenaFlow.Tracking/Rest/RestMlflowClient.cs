using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HyenaFlow.Tracking.Rest;

/// <summary>
/// MLflow's tracking REST API (<c>/api/2.0/mlflow/…</c>) with artifacts through the server's proxy
/// (<c>/api/2.0/mlflow-artifacts/…</c>). Retries with exponential back-off on 429, 5xx (but 501) and
/// connection failures; any other error is raised at once as <see cref="MlflowException"/>.
/// The <see cref="HttpClient"/> is not disposed here: its owner decides its lifetime.
/// </summary>
public sealed class RestMlflowClient : IMlflowClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly RestMlflowOptions _options;
    private readonly ConcurrentDictionary<string, string> _artifactUriByRun = new(StringComparer.Ordinal);

    public RestMlflowClient(HttpClient http, Uri trackingUri, RestMlflowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(trackingUri);
        if (trackingUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"An MLflow tracking server URI must be http or https, not '{trackingUri}'.", nameof(trackingUri));
        }

        _http = http;
        // A trailing slash makes relative API paths land under any prefix the server is mounted at.
        _baseUri = trackingUri.AbsoluteUri.EndsWith('/') ? trackingUri : new Uri(trackingUri.AbsoluteUri + "/");
        _options = options ?? new RestMlflowOptions();
        if (_options.MaxAttempts < 1)
        {
            throw new ArgumentException("MaxAttempts must be at least 1.", nameof(options));
        }
    }

    public Uri TrackingUri => _baseUri;

    public async Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var existing = await FindExperimentAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        try
        {
            var created = await PostAsync<MlflowWire.CreateExperimentResponse>("experiments/create", new MlflowWire.CreateExperimentRequest(name), cancellationToken).ConfigureAwait(false);
            return created.ExperimentId ?? throw new MlflowException(MlflowErrorCodes.InternalError, "experiments/create answered without 'experiment_id'.");
        }
        catch (MlflowException e) when (e.ErrorCode == MlflowErrorCodes.ResourceAlreadyExists)
        {
            // Someone else created it between our look-up and our create.
            return await FindExperimentAsync(name, cancellationToken).ConfigureAwait(false)
                ?? throw new MlflowException(e.ErrorCode, $"Experiment '{name}' exists but cannot be found by name: {e.ServerMessage}", e.HttpStatus, e);
        }
    }

    public async Task<string> CreateRunAsync(
        string experimentId,
        string runName,
        IReadOnlyDictionary<string, string>? tags = null,
        string? parentRunId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentId);
        ArgumentNullException.ThrowIfNull(runName);
        var user = Environment.UserName;
        var allTags = RunTags.Compose(runName, user, parentRunId, tags);
        var request = new MlflowWire.CreateRunRequest(
            experimentId,
            user,
            runName,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            allTags.Select(t => new MlflowWire.KeyValue(t.Key, t.Value)).ToList());
        var response = await PostAsync<MlflowWire.RunEnvelope>("runs/create", request, cancellationToken).ConfigureAwait(false);
        var run = (response.Run ?? throw new MlflowException(MlflowErrorCodes.InternalError, "runs/create answered without 'run'.")).ToRun();
        _artifactUriByRun[run.Info.RunId] = run.Info.ArtifactUri;
        return run.Info.RunId;
    }

    public async Task LogBatchAsync(
        string runId,
        IReadOnlyList<MlflowMetric>? metrics = null,
        IReadOnlyList<MlflowParam>? parameters = null,
        IReadOnlyList<MlflowTag>? tags = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var batch = LogBatchValidation.Validate(metrics, parameters, tags);
        foreach (var request in LogBatchSplitter.Split(runId, batch))
        {
            await PostAsync<JsonElement>("runs/log-batch", request, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        MlflowLimits.ValidateTag(new MlflowTag(key, value));
        await PostAsync<JsonElement>("runs/set-tag", new MlflowWire.SetTagRequest(runId, key, value), cancellationToken).ConfigureAwait(false);
    }

    public async Task LogArtifactAsync(string runId, string localFile, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (!File.Exists(localFile))
        {
            throw new FileNotFoundException($"Artifact file '{localFile}' does not exist.", localFile);
        }

        var root = await ArtifactRootAsync(runId, cancellationToken).ConfigureAwait(false);
        var relative = ArtifactPaths.Combine(artifactPath, Path.GetFileName(localFile));
        var path = "api/2.0/mlflow-artifacts/artifacts/" + string.Join('/', (root + "/" + relative).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        await SendAsync(
            () =>
            {
                var content = new StreamContent(File.OpenRead(localFile));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                return new HttpRequestMessage(HttpMethod.Put, new Uri(_baseUri, path)) { Content = content };
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateRunAsync(string runId, RunStatus status, long? endTimeMs = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await PostAsync<JsonElement>("runs/update", new MlflowWire.UpdateRunRequest(runId, status.ToWireName(), endTimeMs), cancellationToken).ConfigureAwait(false);
    }

    public async Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var response = await GetAsync<MlflowWire.RunEnvelope>($"runs/get?run_id={Uri.EscapeDataString(runId)}", cancellationToken).ConfigureAwait(false);
        var run = (response.Run ?? throw new MlflowException(MlflowErrorCodes.InternalError, "runs/get answered without 'run'.")).ToRun();
        _artifactUriByRun[run.Info.RunId] = run.Info.ArtifactUri;
        return run;
    }

    public async Task<IReadOnlyList<MlflowRun>> SearchRunsAsync(string experimentId, RunSearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentId);
        filter ??= new RunSearchFilter();
        var filterText = SearchFilterText.From(filter);
        var runs = new List<MlflowRun>();
        string? pageToken = null;
        do
        {
            var request = new MlflowWire.SearchRunsRequest([experimentId], filterText, "ACTIVE_ONLY", 1000, pageToken);
            var page = await PostAsync<MlflowWire.SearchRunsResponse>("runs/search", request, cancellationToken).ConfigureAwait(false);
            runs.AddRange((page.Runs ?? []).Select(r => r.ToRun()));
            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (pageToken is not null);

        // The server already filtered; checking again costs nothing and guards against servers that read filters loosely.
        return runs.Where(filter.Matches).ToList();
    }

    private async Task<string?> FindExperimentAsync(string name, CancellationToken cancellationToken)
    {
        MlflowWire.ExperimentEnvelope found;
        try
        {
            found = await GetAsync<MlflowWire.ExperimentEnvelope>($"experiments/get-by-name?experiment_name={Uri.EscapeDataString(name)}", cancellationToken).ConfigureAwait(false);
        }
        catch (MlflowException e) when (e.ErrorCode == MlflowErrorCodes.ResourceDoesNotExist)
        {
            return null;
        }

        var experiment = found.Experiment ?? throw new MlflowException(MlflowErrorCodes.InternalError, "experiments/get-by-name answered without 'experiment'.");
        if (experiment.LifecycleStage is not null and not "active")
        {
            throw new MlflowException(
                MlflowErrorCodes.InvalidParameterValue,
                $"Experiment '{name}' exists but is {experiment.LifecycleStage}; restore it (mlflow experiments restore) or choose another name.");
        }

        return experiment.ExperimentId ?? throw new MlflowException(MlflowErrorCodes.InternalError, "experiments/get-by-name answered without 'experiment_id'.");
    }

    private async Task<string> ArtifactRootAsync(string runId, CancellationToken cancellationToken)
    {
        if (!_artifactUriByRun.TryGetValue(runId, out var artifactUri))
        {
            artifactUri = (await GetRunAsync(runId, cancellationToken).ConfigureAwait(false)).Info.ArtifactUri;
        }

        if (!artifactUri.StartsWith("mlflow-artifacts:", StringComparison.Ordinal))
        {
            throw new MlflowException(
                MlflowErrorCodes.InvalidParameterValue,
                $"Run {runId} stores artifacts at '{artifactUri}', which the tracking server does not proxy; start the server with --serve-artifacts (MLflow's default) so artifacts go through it.");
        }

        // mlflow-artifacts:/<exp>/<run>/artifacts, optionally with //host:port before the path.
        return Uri.UnescapeDataString(new Uri(artifactUri).AbsolutePath).Trim('/');
    }

    private Task<T> GetAsync<T>(string relativePath, CancellationToken cancellationToken) =>
        SendForJsonAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, ApiUri(relativePath)), cancellationToken);

    private Task<T> PostAsync<T>(string relativePath, object body, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), MlflowWire.Json);
        return SendForJsonAsync<T>(
            () =>
            {
                var content = new ByteArrayContent(json);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return new HttpRequestMessage(HttpMethod.Post, ApiUri(relativePath)) { Content = content };
            },
            cancellationToken);
    }

    private Uri ApiUri(string relativePath) => new(_baseUri, "api/2.0/mlflow/" + relativePath);

    private async Task<T> SendForJsonAsync<T>(Func<HttpRequestMessage> makeRequest, CancellationToken cancellationToken)
    {
        var body = await SendAsync(makeRequest, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(body.Length == 0 ? "{}" : body, MlflowWire.Json)
                ?? throw new MlflowException(MlflowErrorCodes.InternalError, "The server answered 'null'.");
        }
        catch (JsonException e)
        {
            throw new MlflowException(MlflowErrorCodes.InternalError, $"The server's answer is not the JSON expected: {Shorten(body)}", inner: e);
        }
    }

    private async Task<string> SendAsync(Func<HttpRequestMessage> makeRequest, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            using (var request = makeRequest())
            {
                if (_options.Authorization is not null)
                {
                    request.Headers.Authorization = _options.Authorization;
                }

                try
                {
                    using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return body;
                    }

                    var error = ParseError((int)response.StatusCode, body, request);
                    if (!IsRetryable(response.StatusCode) || attempt >= _options.MaxAttempts)
                    {
                        throw error;
                    }

                    wait = RetryAfter(response) ?? Backoff(attempt);
                }
                catch (HttpRequestException) when (attempt < _options.MaxAttempts)
                {
                    wait = Backoff(attempt);
                }
                catch (HttpRequestException e)
                {
                    throw Unreachable(request, attempt, e);
                }
                catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // HttpClient's own timeout, not the caller's cancellation: as retryable as a dropped connection.
                    if (attempt >= _options.MaxAttempts)
                    {
                        throw Unreachable(request, attempt, e);
                    }

                    wait = Backoff(attempt);
                }
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private TimeSpan Backoff(int attempt)
    {
        var ms = _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ms, _options.MaxBackoff.TotalMilliseconds));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxBackoff ? _options.MaxBackoff : wait;
    }

    private static MlflowException ParseError(int status, string body, HttpRequestMessage request)
    {
        try
        {
            var error = JsonSerializer.Deserialize<MlflowWire.ErrorBody>(body, MlflowWire.Json);
            if (error?.ErrorCode is { Length: > 0 } code)
            {
                return new MlflowException(code, error.Message ?? "", status);
            }
        }
        catch (JsonException)
        {
            // Not MLflow's JSON (a proxy's HTML page, say): report the raw text below.
        }

        var fallbackCode = status == 404 ? MlflowErrorCodes.ResourceDoesNotExist : status >= 500 ? MlflowErrorCodes.InternalError : $"HTTP_{status}";
        return new MlflowException(fallbackCode, $"{request.Method} {request.RequestUri?.AbsolutePath}: {Shorten(body)}", status);
    }

    private static MlflowException Unreachable(HttpRequestMessage request, int attempts, Exception e) =>
        new("TRACKING_SERVER_UNREACHABLE", $"{request.Method} {request.RequestUri} failed after {attempts} attempt(s): {e.Message}", inner: e);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
