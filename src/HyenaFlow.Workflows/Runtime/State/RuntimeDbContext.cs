using Microsoft.EntityFrameworkCore;

namespace HyenaFlow.Workflows.Runtime.State;

/// <summary>The runtime's own tables (prefix <c>hf_</c>), beside Quartz's <c>QRTZ_</c> tables in the same database.</summary>
public sealed class RuntimeDbContext(DbContextOptions<RuntimeDbContext> options) : DbContext(options)
{
    public DbSet<RunRecord> Runs => Set<RunRecord>();
    public DbSet<StageRunRecord> Stages => Set<StageRunRecord>();
    public DbSet<AttemptRecord> Attempts => Set<AttemptRecord>();
    public DbSet<LogLineRecord> LogLines => Set<LogLineRecord>();
    public DbSet<CacheEntryRecord> CacheEntries => Set<CacheEntryRecord>();
    public DbSet<ScheduleRecord> Schedules => Set<ScheduleRecord>();
    public DbSet<MetricRecord> Metrics => Set<MetricRecord>();
    public DbSet<StageFileRecord> StageFiles => Set<StageFileRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<RunRecord>(e =>
        {
            e.ToTable("hf_runs");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasConversion<string>();
            e.HasIndex(r => r.Status);
        });
        model.Entity<StageRunRecord>(e =>
        {
            e.ToTable("hf_stage_runs");
            e.HasKey(s => new { s.RunId, s.StageId });
            e.Property(s => s.Status).HasConversion<string>();
        });
        model.Entity<AttemptRecord>(e =>
        {
            e.ToTable("hf_attempts");
            e.HasKey(a => new { a.RunId, a.StageId, a.Number });
            e.Property(a => a.Status).HasConversion<string>();
        });
        model.Entity<LogLineRecord>(e =>
        {
            e.ToTable("hf_log_lines");
            e.HasKey(l => l.Id);
            e.HasIndex(l => new { l.RunId, l.StageId, l.Attempt });
        });
        model.Entity<CacheEntryRecord>(e =>
        {
            e.ToTable("hf_cache_entries");
            e.HasKey(c => c.Key);
            e.HasIndex(c => new { c.Activity, c.StageId });
        });
        model.Entity<ScheduleRecord>(e =>
        {
            e.ToTable("hf_schedules");
            e.HasKey(s => s.Id);
        });
        model.Entity<MetricRecord>(e =>
        {
            e.ToTable("hf_metrics"); // named in MetricUpsert's SQL too
            e.HasKey(m => new { m.RunId, m.StageId, m.Key, m.Step });
        });
        model.Entity<StageFileRecord>(e =>
        {
            e.ToTable("hf_stage_files");
            e.HasKey(f => new { f.RunId, f.StageId, f.Path });
        });
    }
}
