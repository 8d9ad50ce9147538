using HyenaFlow.Workflows.Runtime.Caching;
using HyenaFlow.Workflows.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Workflows.Runtime;

/// <summary>Read-only questions about runs, as `hyenaflow runs …` and the Studio ask them.</summary>
public sealed class RunQueries(RuntimeDatabase database)
{
    public async Task<IReadOnlyList<RunRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var runs = await db.Runs.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return runs.OrderByDescending(r => r.CreatedAt).Take(limit).ToList();
    }

    public async Task<RunRecord> RunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"no run {runId}; `hyenaflow runs list` shows the runs");
    }

    public async Task<IReadOnlyList<StageRunRecord>> StagesAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Stages.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.OrderIndex).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AttemptRecord>> AttemptsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        return await db.Attempts.AsNoTracking().Where(a => a.RunId == runId).OrderBy(a => a.StageId).ThenBy(a => a.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Log lines of a run (one stage when <paramref name="stageId"/> is given), oldest first.</summary>
    public async Task<IReadOnlyList<LogLineRecord>> LogsAsync(string runId, string? stageId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var query = db.LogLines.AsNoTracking().Where(l => l.RunId == runId);
        if (stageId is not null)
            query = query.Where(l => l.StageId == stageId);
        return await query.OrderBy(l => l.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A stage's metrics by key, then step.</summary>
    public async Task<IReadOnlyList<MetricRecord>> MetricsAsync(string runId, string stageId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.RunId == runId && m.StageId == stageId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. metrics.OrderBy(m => m.Key, StringComparer.Ordinal).ThenBy(m => m.Step)];
    }

    /// <summary>The report files (plots, tables) the stages of a run kept, by stage then path.</summary>
    public async Task<IReadOnlyList<StageFileRecord>> FilesAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var files = await db.StageFiles.AsNoTracking().Where(f => f.RunId == runId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. files.OrderBy(f => f.StageId, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>Why the stage's cache lookup missed, field by field against the nearest earlier result.</summary>
    public async Task<IReadOnlyList<string>> WhyAsync(string runId, string stageId, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.RunId == runId && s.StageId == stageId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"run {runId} has no stage '{stageId}'");
        if (stage.CacheFieldsJson is null)
            return [$"{stageId} has not been reached yet ({stage.Status.ToString().ToLowerInvariant()}): its inputs are not known"];
        if (stage.Status == StageStatus.Cached)
            return [$"{stageId} hit the cache (key {stage.CacheKey![..16]})"];
        var current = CacheKey.FieldsFromJson(stage.CacheFieldsJson);
        var activityName = stage.Activity.Split('@')[0];
        var earlier = await db.CacheEntries.AsNoTracking()
            .Where(c => c.StageId == stageId && c.Key != stage.CacheKey)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var candidates = earlier
            .Where(c => c.Activity.Split('@')[0] == activityName)
            .Select(c => CacheKey.FieldsFromJson(c.FieldsJson))
            .ToList();
        var lines = new List<string>();
        if (await db.CacheEntries.AsNoTracking().AnyAsync(c => c.Key == stage.CacheKey && c.RunId != runId, cancellationToken).ConfigureAwait(false))
            lines.Add("an entry with this very key exists from another run: the stage was forced or its artifacts were missing");
        lines.AddRange(CacheMissExplainer.Explain(current, candidates));
        return lines;
    }
}
