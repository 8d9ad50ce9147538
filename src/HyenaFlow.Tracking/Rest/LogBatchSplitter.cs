using System.Text.Json;

namespace HyenaFlow.Tracking.Rest;

/// <summary>
/// Cuts one validated batch into <c>runs/log-batch</c> requests that each respect every MLflow limit:
/// counts per kind, items in all, and the serialized body size. Order within each kind is kept, so a
/// metric's steps arrive in the order they were logged.
/// </summary>
internal static class LogBatchSplitter
{
    // Room for {"run_id":"…","metrics":[],"params":[],"tags":[]} with a generous run id.
    private const int EnvelopeBytes = 512;

    public static IReadOnlyList<MlflowWire.LogBatchRequest> Split(string runId, LogBatchValidation.ValidatedBatch batch, int maxBodyBytes = MlflowLimits.MaxBatchBodyBytes)
    {
        var requests = new List<MlflowWire.LogBatchRequest>();
        var chunk = new Chunk();

        void Add(Func<Chunk, bool> hasRoom, Action<Chunk> add, int itemBytes)
        {
            if (EnvelopeBytes + itemBytes + 1 > maxBodyBytes)
            {
                throw new MlflowException(MlflowErrorCodes.InvalidParameterValue, $"One item is {itemBytes} bytes of JSON; a log-batch request may hold at most {maxBodyBytes}.");
            }

            if (!hasRoom(chunk) || chunk.Items == MlflowLimits.MaxItemsPerBatch || EnvelopeBytes + chunk.Bytes + itemBytes + 1 > maxBodyBytes)
            {
                requests.Add(chunk.ToRequest(runId));
                chunk = new Chunk();
            }

            add(chunk);
            chunk.Bytes += itemBytes + 1;
        }

        foreach (var param in batch.Params)
        {
            var wire = new MlflowWire.KeyValue(param.Key, param.Value);
            Add(c => c.Params.Count < MlflowLimits.MaxParamsPerBatch, c => c.Params.Add(wire), SizeOf(wire));
        }

        foreach (var tag in batch.Tags)
        {
            var wire = new MlflowWire.KeyValue(tag.Key, tag.Value);
            Add(c => c.Tags.Count < MlflowLimits.MaxTagsPerBatch, c => c.Tags.Add(wire), SizeOf(wire));
        }

        foreach (var metric in batch.Metrics)
        {
            var wire = new MlflowWire.Metric(metric.Key, metric.Value, metric.TimestampMs, metric.Step);
            Add(c => c.Metrics.Count < MlflowLimits.MaxMetricsPerBatch, c => c.Metrics.Add(wire), SizeOf(wire));
        }

        if (chunk.Items > 0)
        {
            requests.Add(chunk.ToRequest(runId));
        }

        return requests;
    }

    private static int SizeOf<T>(T item) => JsonSerializer.SerializeToUtf8Bytes(item, MlflowWire.Json).Length;

    private sealed class Chunk
    {
        public List<MlflowWire.Metric> Metrics { get; } = [];

        public List<MlflowWire.KeyValue> Params { get; } = [];

        public List<MlflowWire.KeyValue> Tags { get; } = [];

        public int Bytes { get; set; }

        public int Items => Metrics.Count + Params.Count + Tags.Count;

        public MlflowWire.LogBatchRequest ToRequest(string runId) => new(runId, Metrics, Params, Tags);
    }
}
