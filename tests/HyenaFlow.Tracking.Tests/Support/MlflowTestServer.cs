using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyenaFlow.Tracking.Tests.Support;

/// <summary>
/// A small MLflow tracking server on 127.0.0.1, written from the documented REST contract and
/// strict about it: log-batch limits, key/value lengths, param immutability and the
/// <c>{"error_code","message"}</c> bodies. Faults can be queued per endpoint to test retries.
/// </summary>
public sealed class MlflowTestServer : IDisposable
{
    public const int MaxBodyBytes = 1_000_000;

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly Dictionary<string, Experiment> _experiments = [];
    private readonly Dictionary<string, Run> _runs = [];
    private readonly Dictionary<string, Queue<int>> _faults = [];
    private int _nextExperimentId = 1;

    public MlflowTestServer()
    {
        (_listener, Uri) = Listen();
        _experiments["0"] = new Experiment("0", "Default");
        _loop = Task.Run(ServeAsync);
    }

    public Uri Uri { get; }

    /// <summary>Runs per page of runs/search; small values exercise paging.</summary>
    public int SearchPageSize { get; set; } = 1000;

    public List<LoggedRequest> Requests { get; } = [];

    public Dictionary<string, byte[]> Artifacts { get; } = [];

    /// <summary>The next requests to an endpoint (path ending in <paramref name="endpoint"/>) answer these statuses; 0 drops the connection.</summary>
    public void FailNext(string endpoint, params int[] statuses)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(endpoint, out var queue))
            {
                _faults[endpoint] = queue = new Queue<int>();
            }

            foreach (var status in statuses)
            {
                queue.Enqueue(status);
            }
        }
    }

    public IReadOnlyList<LoggedRequest> RequestsTo(string endpoint)
    {
        lock (_gate)
        {
            return Requests.Where(r => r.Path.EndsWith(endpoint, StringComparison.Ordinal)).ToList();
        }
    }

    public RunSnapshot Snapshot(string runId)
    {
        lock (_gate)
        {
            var run = _runs[runId];
            return new RunSnapshot(run.Status, run.EndTime, run.Metrics.ToList(), new(run.Params), new(run.Tags));
        }
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Linux's managed HttpListener can fail to unregister a prefix while another test's listener
            // churns ports ("Address already in use"); the listener is closed either way.
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            request.InputStream.CopyTo(buffer);
            body = buffer.ToArray();
        }

        var path = request.Url!.AbsolutePath;
        int status;
        JsonObject answer;
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => path.EndsWith(f.Key, StringComparison.Ordinal) && f.Value.Count > 0).Value?.Dequeue();
            if (fault is 0)
            {
                Requests.Add(new LoggedRequest(request.HttpMethod, path, body.Length, 0, 0, 0, 0));
                DropMidResponse(context.Response);
                return;
            }

            (status, answer) = fault is { } failure
                ? (failure, Error(failure == 429 ? "REQUEST_LIMIT_EXCEEDED" : failure == 503 ? "TEMPORARILY_UNAVAILABLE" : "INTERNAL_ERROR", "injected fault"))
                : Route(request, path, body);
            var (metrics, parameters, tags) = path.EndsWith("runs/log-batch", StringComparison.Ordinal) ? Counts(body) : (0, 0, 0);
            Requests.Add(new LoggedRequest(request.HttpMethod, path, body.Length, status, metrics, parameters, tags));
        }

        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    /// <summary>
    /// A connection lost mid-answer: headers promise a body that never comes. (HttpListener's Abort
    /// alone would still send an empty 200.)
    /// </summary>
    private static void DropMidResponse(HttpListenerResponse response)
    {
        response.StatusCode = 200;
        response.ContentLength64 = 1000;
        try
        {
            response.OutputStream.Write("{\"partial"u8);
            response.OutputStream.Flush();
        }
        finally
        {
            response.Abort();
        }
    }

    private (int, JsonObject) Route(HttpListenerRequest request, string path, byte[] body)
    {
        const string api = "/api/2.0/mlflow/";
        const string artifacts = "/api/2.0/mlflow-artifacts/artifacts/";
        try
        {
            if (request.HttpMethod == "PUT" && path.StartsWith(artifacts, StringComparison.Ordinal))
            {
                Artifacts[Uri.UnescapeDataString(path[artifacts.Length..])] = body;
                return (200, []);
            }

            var endpoint = path.StartsWith(api, StringComparison.Ordinal) ? path[api.Length..] : "";
            var query = request.QueryString;
            var json = request.HttpMethod == "POST" ? JsonNode.Parse(body)!.AsObject() : [];
            return (request.HttpMethod, endpoint) switch
            {
                ("GET", "experiments/get-by-name") => GetExperimentByName(query["experiment_name"]),
                ("POST", "experiments/create") => CreateExperiment((string)json["name"]!),
                ("POST", "runs/create") => CreateRun(json),
                ("POST", "runs/log-batch") => body.Length > MaxBodyBytes
                    ? (400, Error("INVALID_PARAMETER_VALUE", $"Batch request body of {body.Length} bytes exceeds {MaxBodyBytes}."))
                    : LogBatch(json),
                ("POST", "runs/set-tag") => SetTag(json),
                ("POST", "runs/update") => UpdateRun(json),
                ("GET", "runs/get") => GetRun(query["run_id"]),
                ("POST", "runs/search") => SearchRuns(json),
                _ => (404, Error("ENDPOINT_NOT_FOUND", $"No endpoint {request.HttpMethod} {path}")),
            };
        }
        catch (Failure failure)
        {
            return (failure.Status, Error(failure.Code, failure.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in this server must show up as an answer, never as a request left hanging.
            return (500, Error("INTERNAL_ERROR", "test server bug: " + e));
        }
    }

    private (int, JsonObject) GetExperimentByName(string? name)
    {
        var experiment = _experiments.Values.FirstOrDefault(e => e.Name == name)
            ?? throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", $"Could not find experiment with name '{name}'");
        return (200, new JsonObject
        {
            ["experiment"] = new JsonObject
            {
                ["experiment_id"] = experiment.Id,
                ["name"] = experiment.Name,
                ["artifact_location"] = $"mlflow-artifacts:/{experiment.Id}",
                ["lifecycle_stage"] = "active",
            },
        });
    }

    private (int, JsonObject) CreateExperiment(string name)
    {
        if (_experiments.Values.Any(e => e.Name == name))
        {
            throw new Failure(400, "RESOURCE_ALREADY_EXISTS", $"Experiment '{name}' already exists.");
        }

        var id = (_nextExperimentId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _experiments[id] = new Experiment(id, name);
        return (200, new JsonObject { ["experiment_id"] = id });
    }

    private (int, JsonObject) CreateRun(JsonObject json)
    {
        var experimentId = (string?)json["experiment_id"] ?? throw new Failure(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'experiment_id'.");
        if (!_experiments.ContainsKey(experimentId))
        {
            throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", $"No Experiment with id={experimentId} exists");
        }

        var run = new Run(Guid.NewGuid().ToString("N"), experimentId, (string?)json["run_name"] ?? "", (string?)json["user_id"] ?? "", (long)json["start_time"]!);
        foreach (var tag in json["tags"]?.AsArray() ?? [])
        {
            run.Tags[(string)tag!["key"]!] = (string)tag["value"]!;
        }

        _runs[run.Id] = run;
        return (200, new JsonObject { ["run"] = RunJson(run) });
    }

    private (int, JsonObject) LogBatch(JsonObject json)
    {
        var run = FindRun((string?)json["run_id"]);
        var metrics = json["metrics"]?.AsArray() ?? [];
        var parameters = json["params"]?.AsArray() ?? [];
        var tags = json["tags"]?.AsArray() ?? [];
        Limit(metrics.Count <= 1000, $"A batch logging request can contain at most 1000 metrics. Got {metrics.Count} metrics.");
        Limit(parameters.Count <= 100, $"A batch logging request can contain at most 100 params. Got {parameters.Count} params.");
        Limit(tags.Count <= 100, $"A batch logging request can contain at most 100 tags. Got {tags.Count} tags.");
        var total = metrics.Count + parameters.Count + tags.Count;
        Limit(total <= 1000, $"A batch logging request can contain at most 1000 metrics, params, and tags in total. Got {total}.");
        foreach (var item in metrics.Concat(parameters).Concat(tags))
        {
            var key = (string)item!["key"]!;
            Limit(key.Length <= 250, $"Key '{Cut(key)}' had length {key.Length}, which exceeded length limit of 250");
        }

        foreach (var param in parameters)
        {
            var value = (string)param!["value"]!;
            Limit(value.Length <= 6000, $"Param value '{Cut(value)}' had length {value.Length}, which exceeded length limit of 6000");
        }

        foreach (var tag in tags)
        {
            var value = (string)tag!["value"]!;
            Limit(value.Length <= 8000, $"Tag value '{Cut(value)}' had length {value.Length}, which exceeded length limit of 8000");
        }

        foreach (var param in parameters)
        {
            var key = (string)param!["key"]!;
            var value = (string)param["value"]!;
            if (run.Params.TryGetValue(key, out var existing) && existing != value)
            {
                throw new Failure(400, "INVALID_PARAMETER_VALUE", $"Changing param values is not allowed. Param with key='{key}' was already logged with value='{existing}' for run ID='{run.Id}'. Attempted logging new value '{value}'.");
            }
        }

        foreach (var param in parameters)
        {
            run.Params[(string)param!["key"]!] = (string)param["value"]!;
        }

        foreach (var metric in metrics)
        {
            run.Metrics.Add(new ServerMetric((string)metric!["key"]!, ReadDouble(metric["value"]!), (long)metric["timestamp"]!, (long?)metric["step"] ?? 0));
        }

        foreach (var tag in tags)
        {
            run.Tags[(string)tag!["key"]!] = (string)tag["value"]!;
        }

        return (200, []);
    }

    private (int, JsonObject) SetTag(JsonObject json)
    {
        var run = FindRun((string?)json["run_id"]);
        run.Tags[(string)json["key"]!] = (string)json["value"]!;
        return (200, []);
    }

    private (int, JsonObject) UpdateRun(JsonObject json)
    {
        var run = FindRun((string?)json["run_id"]);
        var status = (string)json["status"]!;
        Limit(status is "RUNNING" or "SCHEDULED" or "FINISHED" or "FAILED" or "KILLED", $"Invalid status '{status}'");
        run.Status = status;
        run.EndTime = (long?)json["end_time"];
        return (200, new JsonObject { ["run_info"] = RunJson(run)["info"]!.DeepClone() });
    }

    private (int, JsonObject) GetRun(string? runId) => (200, new JsonObject { ["run"] = RunJson(FindRun(runId)) });

    private (int, JsonObject) SearchRuns(JsonObject json)
    {
        var experimentIds = json["experiment_ids"]!.AsArray().Select(e => (string)e!).ToHashSet();
        var conditions = ParseFilter((string?)json["filter"] ?? "");
        var matching = _runs.Values
            .Where(r => experimentIds.Contains(r.ExperimentId) && conditions.All(c => c(r)))
            .OrderByDescending(r => r.StartTime).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var offset = int.Parse((string?)json["page_token"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var pageSize = Math.Min(SearchPageSize, (int?)json["max_results"] ?? 1000);
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var answer = new JsonObject { ["runs"] = new JsonArray(page.Select(r => (JsonNode)RunJson(r)).ToArray()) };
        if (offset + pageSize < matching.Count)
        {
            answer["next_page_token"] = (offset + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (200, answer);
    }

    /// <summary>The subset of MLflow's filter grammar the client emits: clauses joined by "and".</summary>
    private static List<Func<Run, bool>> ParseFilter(string filter)
    {
        var conditions = new List<Func<Run, bool>>();
        if (filter.Trim().Length == 0)
        {
            return conditions;
        }

        foreach (var clause in filter.Split(" and ", StringSplitOptions.TrimEntries))
        {
            var parts = clause.Split(" = ", 2);
            if (parts.Length != 2 || parts[1].Length < 2 || parts[1][0] != parts[1][^1] || parts[1][0] is not ('\'' or '"'))
            {
                throw new Failure(400, "INVALID_PARAMETER_VALUE", $"Invalid filter clause '{clause}'");
            }

            var value = parts[1][1..^1];
            if (parts[0] == "attributes.status")
            {
                conditions.Add(r => r.Status == value);
            }
            else if (parts[0].StartsWith("tags.`", StringComparison.Ordinal) && parts[0].EndsWith('`'))
            {
                var key = parts[0]["tags.`".Length..^1];
                conditions.Add(r => r.Tags.TryGetValue(key, out var v) && v == value);
            }
            else
            {
                throw new Failure(400, "INVALID_PARAMETER_VALUE", $"Invalid filter clause '{clause}'");
            }
        }

        return conditions;
    }

    private Run FindRun(string? runId) =>
        runId is not null && _runs.TryGetValue(runId, out var run)
            ? run
            : throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", $"Run with id={runId} not found");

    private static JsonObject RunJson(Run run)
    {
        var latest = run.Metrics.GroupBy(m => m.Key).Select(g => g.MaxBy(m => (m.Step, m.Timestamp, m.Value))!);
        return new JsonObject
        {
            ["info"] = new JsonObject
            {
                ["run_id"] = run.Id,
                ["run_uuid"] = run.Id,
                ["experiment_id"] = run.ExperimentId,
                ["run_name"] = run.Name,
                ["user_id"] = run.User,
                ["status"] = run.Status,
                ["start_time"] = run.StartTime,
                ["end_time"] = run.EndTime,
                ["artifact_uri"] = $"mlflow-artifacts:/{run.ExperimentId}/{run.Id}/artifacts",
                ["lifecycle_stage"] = "active",
            },
            ["data"] = new JsonObject
            {
                ["metrics"] = new JsonArray(latest.Select(m => (JsonNode)new JsonObject { ["key"] = m.Key, ["value"] = m.Value, ["timestamp"] = m.Timestamp, ["step"] = m.Step }).ToArray()),
                ["params"] = new JsonArray(run.Params.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray()),
                ["tags"] = new JsonArray(run.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
            },
        };
    }

    private static double ReadDouble(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String
            ? double.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture)
            : (double)node;

    private static (int, int, int) Counts(byte[] body)
    {
        try
        {
            var json = JsonNode.Parse(body)!;
            return (json["metrics"]?.AsArray().Count ?? 0, json["params"]?.AsArray().Count ?? 0, json["tags"]?.AsArray().Count ?? 0);
        }
        catch (JsonException)
        {
            return (0, 0, 0);
        }
    }

    private static void Limit(bool ok, string message)
    {
        if (!ok)
        {
            throw new Failure(400, "INVALID_PARAMETER_VALUE", message);
        }
    }

    private static string Cut(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static JsonObject Error(string code, string message) => new() { ["error_code"] = code, ["message"] = message };

    public sealed record LoggedRequest(string Method, string Path, int BodyBytes, int Status, int Metrics, int Params, int Tags);

    public sealed record ServerMetric(string Key, double Value, long Timestamp, long Step);

    public sealed record RunSnapshot(string Status, long? EndTime, List<ServerMetric> Metrics, Dictionary<string, string> Params, Dictionary<string, string> Tags);

    private sealed record Experiment(string Id, string Name);

    private sealed class Run(string id, string experimentId, string name, string user, long startTime)
    {
        public string Id { get; } = id;

        public string ExperimentId { get; } = experimentId;

        public string Name { get; } = name;

        public string User { get; } = user;

        public long StartTime { get; } = startTime;

        public string Status { get; set; } = "RUNNING";

        public long? EndTime { get; set; }

        public List<ServerMetric> Metrics { get; } = [];

        public Dictionary<string, string> Params { get; } = [];

        public Dictionary<string, string> Tags { get; } = [];
    }

    private sealed class Failure(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public string Code { get; } = code;
    }
}
