using System.Globalization;
using System.Text;
using System.Text.Json;
using HyenaFlow.Workflows.Runtime;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Server.Runs;

/// <summary>
/// A run's live events as Server-Sent Events, polled from the runtime's tables (so it follows runs executed by any
/// process on the database). Each event has an increasing <c>id</c>, an <c>event</c> name and one line of JSON
/// <c>data</c> (camelCase):
/// <list type="bullet">
/// <item><c>run</c>: a <see cref="RunView"/>, first and whenever the run's status changes;</item>
/// <item><c>stage</c>: a <see cref="StageView"/>, first for every stage and then whenever a stage's status,
/// progress or attempt count changes;</item>
/// <item><c>log</c>: a <see cref="LogLineView"/> per new log line;</item>
/// <item><c>end</c>: a <see cref="RunView"/> once the run is finished, after which the stream closes.</item>
/// </list>
/// A comment line (<c>: keep-alive</c>) is sent every 15 s of silence. Reconnecting starts with a fresh snapshot.
/// </summary>
internal sealed class RunEventStream(WorkflowRuntime runtime, string runId, TimeSpan pollInterval)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private readonly Dictionary<string, (StageStatus Status, double Progress, int Attempts)> _stages = new(StringComparer.Ordinal);
    private RunStatus? _runStatus;
    private long _lastLog;
    private long _eventId;

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.WriteAsync("retry: 2000\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        var quietSince = DateTime.UtcNow;
        try
        {
            while (true)
            {
                var (written, finished) = await PollAsync(response, cancellationToken);
                if (written)
                    quietSince = DateTime.UtcNow;
                else if (DateTime.UtcNow - quietSince > KeepAlive)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    quietSince = DateTime.UtcNow;
                }

                await response.Body.FlushAsync(cancellationToken);
                if (finished)
                    return;
                await Task.Delay(pollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async Task<(bool Written, bool Finished)> PollAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        RunRecord run;
        List<StageRunRecord> stages;
        await using (var db = runtime.Database.Open())
        {
            run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, cancellationToken);
            stages = await db.Stages.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.OrderIndex).ToListAsync(cancellationToken);
        }

        var written = false;
        // The stream always opens with the run, also when the run finished before anyone listened.
        var first = _runStatus is null;
        if (first || (_runStatus != run.Status && run.Status == RunStatus.Running))
        {
            await SendAsync(response, "run", RunView.From(run), cancellationToken);
            written = true;
        }

        foreach (var stage in stages)
        {
            var state = (stage.Status, stage.Progress, stage.Attempts);
            if (_stages.TryGetValue(stage.StageId, out var before) && before == state)
                continue;
            _stages[stage.StageId] = state;
            await SendAsync(response, "stage", StageView.From(stage), cancellationToken);
            written = true;
        }

        foreach (var line in await LogsAfterAsync(runtime, runId, null, _lastLog, 10_000, cancellationToken))
        {
            await SendAsync(response, "log", line, cancellationToken);
            _lastLog = line.Id;
            written = true;
        }

        var finished = run.Status != RunStatus.Running;
        if (_runStatus != run.Status && finished)
        {
            if (!first)
                await SendAsync(response, "run", RunView.From(run), cancellationToken);
            await SendAsync(response, "end", RunView.From(run), cancellationToken);
            written = true;
        }

        _runStatus = run.Status;
        return (written, finished);
    }

    private async Task SendAsync<T>(HttpResponse response, string name, T data, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(data, JsonSerializerOptions.Web);
        var text = new StringBuilder()
            .Append("id: ").Append((++_eventId).ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(name).Append('\n')
            .Append("data: ").Append(json).Append("\n\n")
            .ToString();
        await response.WriteAsync(text, cancellationToken);
    }

    /// <summary>Log lines of the run with an id greater than <paramref name="after"/>, oldest first.</summary>
    public static async Task<List<LogLineView>> LogsAfterAsync(WorkflowRuntime runtime, string runId, string? stageId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var db = runtime.Database.Open();
        var query = db.LogLines.AsNoTracking().Where(l => l.RunId == runId && l.Id > after);
        if (stageId is not null)
            query = query.Where(l => l.StageId == stageId);
        var lines = await query.OrderBy(l => l.Id).Take(limit).ToListAsync(cancellationToken);
        return lines.Select(LogLineView.From).ToList();
    }
}
