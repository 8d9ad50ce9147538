namespace HyenaFlow.Workflows.Activities;

/// <summary>Where a stage runs: GPU stages are routed to GPU workers (Quartz execution group "gpu").</summary>
public enum Resources
{
    Cpu,
    Gpu,
}
