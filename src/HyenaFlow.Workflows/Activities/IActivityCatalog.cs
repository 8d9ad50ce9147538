namespace HyenaFlow.Workflows.Activities;

/// <summary>The activities a workflow may use, looked up by name and version.</summary>
public interface IActivityCatalog
{
    /// <summary>Every activity, every version, in a stable order (name, then version as registered).</summary>
    IReadOnlyList<ActivityDescriptor> All { get; }

    ActivityDescriptor? Find(string name, string version);
}
