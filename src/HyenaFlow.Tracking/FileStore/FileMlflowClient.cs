using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace HyenaFlow.Tracking.FileStore;

/// <summary>
/// MLflow's own file store (<c>mlruns/</c>), written so that <c>mlflow ui --backend-store-uri
/// file:…</c> opens it: <c>&lt;exp&gt;/meta.yaml</c>, <c>&lt;exp&gt;/&lt;run&gt;/{meta.yaml, metrics/,
/// params/, tags/, artifacts/}</c>, experiment 0 "Default". meta.yaml is replaced atomically, metric
/// files are appended to, params are created once. Errors carry the codes the server would use.
/// </summary>
public sealed class FileMlflowClient : IMlflowClient
{
    public const string DefaultExperimentId = "0";
    public const string DefaultExperimentName = "Default";

    private static readonly string[] NonRunFolders = ["tags", "datasets", "traces", "models"];

    private readonly SemaphoreSlim _experimentLock = new(1, 1);
    private readonly ConcurrentDictionary<string, string> _experimentByRun = new(StringComparer.Ordinal);

    public FileMlflowClient(string mlrunsRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mlrunsRoot);
        Root = Path.GetFullPath(mlrunsRoot);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Path.Combine(Root, ".trash"));
        if (!File.Exists(Path.Combine(Root, DefaultExperimentId, "meta.yaml")))
        {
            TryCreateExperimentFolder(DefaultExperimentId, DefaultExperimentName);
        }
    }

    /// <summary>The absolute path of the <c>mlruns</c> folder.</summary>
    public string Root { get; }

    public async Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await _experimentLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = ListExperiments().FirstOrDefault(e => e.Name == name);
            if (existing is not null)
            {
                return existing.ExperimentId;
            }

            // MLflow's older file store numbers experiments max+1; the folder move makes a clash with another process fail, not merge.
            while (true)
            {
                var next = ListExperimentIds().Select(id => long.TryParse(id, out var n) ? n : -1).DefaultIfEmpty(-1).Max() + 1;
                var id = next.ToString(CultureInfo.InvariantCulture);
                if (TryCreateExperimentFolder(id, name))
                {
                    return id;
                }
            }
        }
        finally
        {
            _experimentLock.Release();
        }
    }

    public Task<string> CreateRunAsync(
        string experimentId,
        string runName,
        IReadOnlyDictionary<string, string>? tags = null,
        string? parentRunId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runName);
        var experimentDir = ExperimentDir(experimentId);
        var experiment = ReadExperiment(experimentId) ?? throw NotFound($"No experiment with id {experimentId} in {Root}.");
        if (experiment.LifecycleStage != "active")
        {
            throw new MlflowException(MlflowErrorCodes.InvalidParameterValue, $"Experiment {experimentId} is {experiment.LifecycleStage}; runs can only be created in an active experiment.");
        }

        var user = Environment.UserName;
        var allTags = RunTags.Compose(runName, user, parentRunId, tags);
        var runId = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(experimentDir, $".creating-{runId}");
        Directory.CreateDirectory(staging);
        foreach (var folder in new[] { "metrics", "params", "tags", "artifacts" })
        {
            Directory.CreateDirectory(Path.Combine(staging, folder));
        }

        var info = new MlflowRunInfo(
            runId,
            experimentId,
            runName,
            user,
            RunStatus.Running,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            null,
            FileUri(Path.Combine(experimentDir, runId, "artifacts")),
            "active");
        File.WriteAllText(Path.Combine(staging, "meta.yaml"), RunMeta(info));
        foreach (var tag in allTags)
        {
            File.WriteAllText(KeyPath(Path.Combine(staging, "tags"), tag.Key, create: true), tag.Value);
        }

        // The run appears whole or not at all.
        Directory.Move(staging, Path.Combine(experimentDir, runId));
        _experimentByRun[runId] = experimentId;
        return Task.FromResult(runId);
    }

    public Task LogBatchAsync(
        string runId,
        IReadOnlyList<MlflowMetric>? metrics = null,
        IReadOnlyList<MlflowParam>? parameters = null,
        IReadOnlyList<MlflowTag>? tags = null,
        CancellationToken cancellationToken = default)
    {
        var batch = LogBatchValidation.Validate(metrics, parameters, tags);
        var runDir = ActiveRunDir(runId);

        // Like the server, refuse the whole batch when one param would change, before anything is written.
        foreach (var param in batch.Params)
        {
            var path = KeyPath(Path.Combine(runDir, "params"), param.Key, create: false);
            if (File.Exists(path))
            {
                CheckSameParam(runId, param, AtomicFile.ReadText(path));
            }
        }

        foreach (var param in batch.Params)
        {
            var path = KeyPath(Path.Combine(runDir, "params"), param.Key, create: true);
            if (!AtomicFile.TryCreate(path, param.Value, runDir))
            {
                CheckSameParam(runId, param, AtomicFile.ReadText(path));
            }
        }

        foreach (var group in batch.Metrics.GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            var text = new StringBuilder();
            foreach (var metric in group)
            {
                text.Append(MetricLine.Format(metric));
            }

            // One append per key: whole lines, in logged order.
            var path = KeyPath(Path.Combine(runDir, "metrics"), group.Key, create: true);
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        foreach (var tag in batch.Tags)
        {
            WriteTag(runDir, tag);
        }

        return Task.CompletedTask;
    }

    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default)
    {
        var tag = new MlflowTag(key, value);
        MlflowLimits.ValidateTag(tag);
        WriteTag(ActiveRunDir(runId), tag);
        return Task.CompletedTask;
    }

    public Task LogArtifactAsync(string runId, string localFile, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(localFile))
        {
            throw new FileNotFoundException($"Artifact file '{localFile}' does not exist.", localFile);
        }

        var runDir = ActiveRunDir(runId);
        var relative = ArtifactPaths.Combine(artifactPath, Path.GetFileName(localFile));
        AtomicFile.CopyReplace(localFile, Path.Combine(runDir, "artifacts", relative), runDir);
        return Task.CompletedTask;
    }

    public Task UpdateRunAsync(string runId, RunStatus status, long? endTimeMs = null, CancellationToken cancellationToken = default)
    {
        var runDir = ActiveRunDir(runId);
        var info = ReadRunInfo(runDir);
        WriteRunMeta(runDir, info with { Status = status, EndTimeMs = endTimeMs ?? info.EndTimeMs });
        return Task.CompletedTask;
    }

    public Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(ReadRun(RunDir(runId)));

    public Task<IReadOnlyList<MlflowRun>> SearchRunsAsync(string experimentId, RunSearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var experimentDir = ExperimentDir(experimentId);
        if (!File.Exists(Path.Combine(experimentDir, "meta.yaml")))
        {
            throw NotFound($"No experiment with id {experimentId} in {Root}.");
        }

        filter ??= new RunSearchFilter();
        IReadOnlyList<MlflowRun> runs = Directory.EnumerateDirectories(experimentDir)
            .Where(dir => !Path.GetFileName(dir).StartsWith('.') && !NonRunFolders.Contains(Path.GetFileName(dir)) && File.Exists(Path.Combine(dir, "meta.yaml")))
            .Select(ReadRun)
            .Where(run => run.Info.LifecycleStage == "active" && filter.Matches(run))
            .OrderByDescending(run => run.Info.StartTimeMs)
            .ThenBy(run => run.Info.RunId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(runs);
    }

    private static void WriteTag(string runDir, MlflowTag tag)
    {
        AtomicFile.Replace(KeyPath(Path.Combine(runDir, "tags"), tag.Key, create: true), tag.Value, runDir);
        if (tag.Key == MlflowTags.RunName)
        {
            // MLflow keeps meta.yaml's run_name in step with the tag.
            WriteRunMeta(runDir, ReadRunInfo(runDir) with { RunName = tag.Value });
        }
    }

    private static void CheckSameParam(string runId, MlflowParam param, string existing)
    {
        if (existing != param.Value)
        {
            throw new MlflowException(
                MlflowErrorCodes.InvalidParameterValue,
                $"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{existing}' for run ID='{runId}'. Attempted logging new value '{param.Value}'.");
        }
    }

    private bool TryCreateExperimentFolder(string id, string name)
    {
        var final = Path.Combine(Root, id);
        if (Directory.Exists(final))
        {
            return false;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var staging = Path.Combine(Root, $".creating-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "meta.yaml"), MetaYaml.Write(new Dictionary<string, object?>
        {
            ["artifact_location"] = FileUri(final),
            ["creation_time"] = now,
            ["experiment_id"] = id,
            ["last_update_time"] = now,
            ["lifecycle_stage"] = "active",
            ["name"] = name,
        }));
        try
        {
            Directory.Move(staging, final);
            return true;
        }
        catch (IOException) when (Directory.Exists(final))
        {
            Directory.Delete(staging, recursive: true);
            return false;
        }
    }

    private IEnumerable<string> ListExperimentIds() =>
        Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Where(name => name is not null && !name.StartsWith('.'))!;

    private IEnumerable<MlflowExperiment> ListExperiments() =>
        ListExperimentIds().Select(ReadExperiment).Where(e => e is not null && e.LifecycleStage == "active").OrderBy(e => e!.ExperimentId, StringComparer.Ordinal)!;

    private MlflowExperiment? ReadExperiment(string id)
    {
        var meta = Path.Combine(ExperimentDir(id), "meta.yaml");
        if (!File.Exists(meta))
        {
            return null;
        }

        var fields = MetaYaml.Read(meta);
        return new MlflowExperiment(
            fields.GetValueOrDefault("experiment_id") ?? id,
            fields.GetValueOrDefault("name") ?? "",
            fields.GetValueOrDefault("artifact_location") ?? "",
            fields.GetValueOrDefault("lifecycle_stage") ?? "active");
    }

    private string ExperimentDir(string experimentId)
    {
        if (string.IsNullOrEmpty(experimentId) || !experimentId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new MlflowException(MlflowErrorCodes.InvalidParameterValue, $"'{experimentId}' is not an experiment id.");
        }

        return Path.Combine(Root, experimentId);
    }

    private string RunDir(string runId)
    {
        if (string.IsNullOrEmpty(runId) || !runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new MlflowException(MlflowErrorCodes.InvalidParameterValue, $"'{runId}' is not a run id.");
        }

        if (_experimentByRun.TryGetValue(runId, out var cached) && File.Exists(Path.Combine(Root, cached, runId, "meta.yaml")))
        {
            return Path.Combine(Root, cached, runId);
        }

        foreach (var experimentId in ListExperimentIds())
        {
            var candidate = Path.Combine(Root, experimentId, runId);
            if (File.Exists(Path.Combine(candidate, "meta.yaml")))
            {
                _experimentByRun[runId] = experimentId;
                return candidate;
            }
        }

        throw NotFound($"Run with id={runId} not found in {Root}.");
    }

    private string ActiveRunDir(string runId)
    {
        var runDir = RunDir(runId);
        var info = ReadRunInfo(runDir);
        if (info.LifecycleStage != "active")
        {
            throw new MlflowException(MlflowErrorCodes.InvalidParameterValue, $"The run {runId} must be in the 'active' state. Current state is {info.LifecycleStage}.");
        }

        return runDir;
    }

    private static MlflowRun ReadRun(string runDir)
    {
        var info = ReadRunInfo(runDir);
        var metrics = ReadKeyFiles(Path.Combine(runDir, "metrics"))
            .Select(f => AtomicFile.ReadText(f.Path)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => MetricLine.Parse(f.Key, line, f.Path))
                // MLflow's "latest" value: highest step, then timestamp, then value.
                .MaxBy(m => (m.Step, m.TimestampMs, m.Value)))
            .Where(m => m is not null)
            .Select(m => m!)
            .ToList();
        var parameters = ReadKeyFiles(Path.Combine(runDir, "params")).ToDictionary(f => f.Key, f => AtomicFile.ReadText(f.Path), StringComparer.Ordinal);
        var tags = ReadKeyFiles(Path.Combine(runDir, "tags")).ToDictionary(f => f.Key, f => AtomicFile.ReadText(f.Path), StringComparer.Ordinal);
        return new MlflowRun(info, metrics, parameters, tags);
    }

    private static IEnumerable<(string Key, string Path)> ReadKeyFiles(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(path => (Key: Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
                .Where(f => !f.Key.Split('/').Any(part => part.StartsWith(".tmp-", StringComparison.Ordinal)))
                .OrderBy(f => f.Key, StringComparer.Ordinal);

    private static MlflowRunInfo ReadRunInfo(string runDir)
    {
        var path = Path.Combine(runDir, "meta.yaml");
        var fields = MetaYaml.Read(path);
        string Required(string key) => fields.GetValueOrDefault(key) ?? throw new InvalidDataException($"{path}: '{key}' is missing.");
        long? Time(string key) => fields.GetValueOrDefault(key) is { } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : throw new InvalidDataException($"{path}: '{key}' is not milliseconds: '{text}'.")
            : null;

        return new MlflowRunInfo(
            fields.GetValueOrDefault("run_id") ?? Required("run_uuid"),
            Required("experiment_id"),
            fields.GetValueOrDefault("run_name") ?? "",
            fields.GetValueOrDefault("user_id") ?? "",
            RunStatusNames.Parse(Required("status")),
            Time("start_time") ?? 0,
            Time("end_time"),
            fields.GetValueOrDefault("artifact_uri") ?? "",
            fields.GetValueOrDefault("lifecycle_stage") ?? "active");
    }

    private static void WriteRunMeta(string runDir, MlflowRunInfo info) =>
        AtomicFile.Replace(Path.Combine(runDir, "meta.yaml"), RunMeta(info), runDir);

    private static string RunMeta(MlflowRunInfo info) => MetaYaml.Write(new Dictionary<string, object?>
    {
        ["artifact_uri"] = info.ArtifactUri,
        ["end_time"] = info.EndTimeMs,
        ["entry_point_name"] = "",
        ["experiment_id"] = info.ExperimentId,
        ["lifecycle_stage"] = info.LifecycleStage,
        ["run_id"] = info.RunId,
        ["run_name"] = info.RunName,
        ["run_uuid"] = info.RunId,
        ["source_name"] = "",
        ["source_type"] = 4,
        ["source_version"] = "",
        ["start_time"] = info.StartTimeMs,
        ["status"] = (int)info.Status,
        ["tags"] = MetaYaml.EmptyList,
        ["user_id"] = info.UserId,
    });

    /// <summary>Path of a key's file; '/' in a key makes sub-folders, as in MLflow.</summary>
    private static string KeyPath(string folder, string key, bool create)
    {
        var path = Path.Combine([folder, .. key.Split('/')]);
        if (create)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        return path;
    }

    private static string FileUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private static MlflowException NotFound(string message) => new(MlflowErrorCodes.ResourceDoesNotExist, message);
}
