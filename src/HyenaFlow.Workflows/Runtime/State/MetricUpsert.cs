using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Workflows.Runtime.State;

/// <summary>
/// Inserts a metric value or replaces the one at the same key and step. <c>ON CONFLICT … DO UPDATE</c> reads the
/// same in SQLite and PostgreSQL, so one statement serves both providers.
/// </summary>
internal static class MetricUpsert
{
    public static Task<int> ExecuteAsync(RuntimeDbContext db, MetricRecord metric) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO hf_metrics ("RunId", "StageId", "Key", "Step", "Value", "Attempt", "At")
            VALUES ({metric.RunId}, {metric.StageId}, {metric.Key}, {metric.Step}, {metric.Value}, {metric.Attempt}, {metric.At})
            ON CONFLICT ("RunId", "StageId", "Key", "Step") DO UPDATE SET "Value" = excluded."Value", "Attempt" = excluded."Attempt", "At" = excluded."At"
            """);
}
