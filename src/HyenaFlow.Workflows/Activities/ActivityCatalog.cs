namespace HyenaFlow.Workflows.Activities;

/// <summary>An in-memory catalog built from descriptors. Two descriptors with the same name and version are a
/// programming error and rejected at construction.</summary>
public sealed class ActivityCatalog : IActivityCatalog
{
    private readonly Dictionary<(string Name, string Version), ActivityDescriptor> _byReference = new();

    public ActivityCatalog(IEnumerable<ActivityDescriptor> descriptors)
    {
        var all = new List<ActivityDescriptor>();
        foreach (var descriptor in descriptors)
        {
            if (!_byReference.TryAdd((descriptor.Name, descriptor.Version), descriptor))
                throw new ArgumentException($"activity {descriptor.Reference} is registered twice", nameof(descriptors));
            all.Add(descriptor);
        }

        All = all.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ActivityDescriptor> All { get; }

    public ActivityDescriptor? Find(string name, string version) =>
        _byReference.GetValueOrDefault((name, version));
}
