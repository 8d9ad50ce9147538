using HyenaFlow.Server.Http;
using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using Microsoft.AspNetCore.StaticFiles;
using System.Text.Json.Nodes;

namespace HyenaFlow.Server.Runs;

/// <summary>What stages reported besides their outputs: metrics over steps, report files (plots, tables), and
/// where the run is browsable in the tracker (MLflow).</summary>
public static class StageReportEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static RouteGroupBuilder MapStageReportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/runs").WithTags("Runs");
        group.MapGet("/{id}/stages/{stage}/metrics", Metrics).WithSummary("The stage's metrics (loss, learning rate, accuracy…) by key, then step.");
        group.MapGet("/{id}/files", Files).WithSummary("The report files (plots, tables) the run's stages kept.");
        group.MapGet("/{id}/stages/{stage}/files/{**path}", File).WithSummary("One report file's content.");
        group.MapGet("/{id}/tracking", Tracking).WithSummary("Links to the run and its stages in MLflow; url is null without a tracking server.");
        return group;
    }

    private static async Task<IResult> Metrics(string id, string stage, WorkflowRuntime runtime, RunQueries queries, CancellationToken cancellationToken)
    {
        if (await RunEndpoints.Find(runtime, id, cancellationToken) is null)
            return RunEndpoints.NoRun(id);
        var metrics = await queries.MetricsAsync(id, stage, cancellationToken);
        return TypedResults.Ok(new StageMetrics(stage, metrics.Select(MetricPointView.From).ToList()));
    }

    private static async Task<IResult> Files(string id, WorkflowRuntime runtime, RunQueries queries, CancellationToken cancellationToken)
    {
        if (await RunEndpoints.Find(runtime, id, cancellationToken) is null)
            return RunEndpoints.NoRun(id);
        return TypedResults.Ok((await queries.FilesAsync(id, cancellationToken)).Select(StageFileView.From).ToList());
    }

    private static async Task<IResult> File(string id, string stage, string path, RunQueries queries, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        // Only paths the runtime recorded are served: the request names a record, never a location on disk.
        var record = (await queries.FilesAsync(id, cancellationToken)).FirstOrDefault(f => f.StageId == stage && f.Path == path);
        if (record is null)
            return Problems.NotFound($"run '{id}' has no report file '{path}' of stage '{stage}'");
        var artifact = ArtifactValue.Parse(JsonNode.Parse(record.ArtifactJson));
        var local = Path.Combine(Path.GetTempPath(), "hyenaflow-report-" + Guid.NewGuid().ToString("N"));
        byte[] bytes;
        try
        {
            await artifacts.MaterializeAsync(artifact, local, cancellationToken);
            bytes = await System.IO.File.ReadAllBytesAsync(local, cancellationToken);
        }
        finally
        {
            System.IO.File.Delete(local);
        }

        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        return TypedResults.File(bytes, contentType, Path.GetFileName(path));
    }

    private static async Task<IResult> Tracking(string id, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await RunEndpoints.Find(runtime, id, cancellationToken) is null)
            return RunEndpoints.NoRun(id);
        try
        {
            return TypedResults.Ok(TrackingView.From(await runtime.Tracker.LinksAsync(id, cancellationToken)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Ok(new TrackingView(null, new Dictionary<string, Uri>(), $"the tracker did not answer: {ex.Message}"));
        }
    }
}
