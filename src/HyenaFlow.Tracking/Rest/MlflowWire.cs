using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyenaFlow.Tracking.Rest;

/// <summary>The JSON shapes of MLflow's REST API (snake_case, statuses as names, NaN as "NaN").</summary>
internal static class MlflowWire
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public sealed record KeyValue(string Key, string Value);

    public sealed record Metric(string Key, double Value, long Timestamp, long Step);

    public sealed record CreateExperimentRequest(string Name);

    public sealed record CreateRunRequest(string ExperimentId, string UserId, string RunName, long StartTime, IReadOnlyList<KeyValue> Tags);

    public sealed record LogBatchRequest(string RunId, IReadOnlyList<Metric> Metrics, IReadOnlyList<KeyValue> Params, IReadOnlyList<KeyValue> Tags);

    public sealed record SetTagRequest(string RunId, string Key, string Value);

    public sealed record UpdateRunRequest(string RunId, string Status, long? EndTime);

    public sealed record SearchRunsRequest(IReadOnlyList<string> ExperimentIds, string Filter, string RunViewType, int MaxResults, string? PageToken);

    public sealed class ErrorBody
    {
        public string? ErrorCode { get; set; }

        public string? Message { get; set; }
    }

    public sealed class ExperimentEnvelope
    {
        public ExperimentBody? Experiment { get; set; }
    }

    public sealed class ExperimentBody
    {
        public string? ExperimentId { get; set; }

        public string? Name { get; set; }

        public string? ArtifactLocation { get; set; }

        public string? LifecycleStage { get; set; }
    }

    public sealed class CreateExperimentResponse
    {
        public string? ExperimentId { get; set; }
    }

    public sealed class RunEnvelope
    {
        public RunBody? Run { get; set; }
    }

    public sealed class SearchRunsResponse
    {
        public List<RunBody>? Runs { get; set; }

        public string? NextPageToken { get; set; }
    }

    public sealed class RunBody
    {
        public RunInfoBody? Info { get; set; }

        public RunDataBody? Data { get; set; }

        public MlflowRun ToRun()
        {
            var info = Info ?? throw new MlflowException(MlflowErrorCodes.InternalError, "The server answered a run without 'info'.");
            var runId = info.RunId ?? info.RunUuid ?? throw new MlflowException(MlflowErrorCodes.InternalError, "The server answered a run without 'run_id'.");
            var tags = (Data?.Tags ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            var runInfo = new MlflowRunInfo(
                runId,
                info.ExperimentId ?? "",
                info.RunName ?? tags.GetValueOrDefault(MlflowTags.RunName) ?? "",
                info.UserId ?? "",
                ParseStatus(info.Status),
                info.StartTime ?? 0,
                info.EndTime,
                info.ArtifactUri ?? "",
                info.LifecycleStage ?? "active");
            return new MlflowRun(
                runInfo,
                (Data?.Metrics ?? []).Select(m => new MlflowMetric(m.Key, m.Value, m.Timestamp, m.Step)).ToList(),
                (Data?.Params ?? []).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
                tags);
        }

        private static RunStatus ParseStatus(JsonElement? status) => status switch
        {
            null => RunStatus.Running,
            { ValueKind: JsonValueKind.String } s => RunStatusNames.Parse(s.GetString()!),
            { ValueKind: JsonValueKind.Number } n => RunStatusNames.Parse(n.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => RunStatus.Running,
        };
    }

    public sealed class RunInfoBody
    {
        public string? RunId { get; set; }

        public string? RunUuid { get; set; }

        public string? ExperimentId { get; set; }

        public string? RunName { get; set; }

        public string? UserId { get; set; }

        public JsonElement? Status { get; set; }

        public long? StartTime { get; set; }

        public long? EndTime { get; set; }

        public string? ArtifactUri { get; set; }

        public string? LifecycleStage { get; set; }
    }

    public sealed class RunDataBody
    {
        public List<Metric>? Metrics { get; set; }

        public List<KeyValue>? Params { get; set; }

        public List<KeyValue>? Tags { get; set; }
    }
}
