namespace HyenaFlow.Workflows.Activities;

/// <summary>The activities a runtime can execute, with the catalog that validation and planning read.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<(string, string), IActivity> _byReference = new();

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        var list = activities.ToList();
        Catalog = new ActivityCatalog(list.Select(a => a.Descriptor));
        foreach (var activity in list)
            _byReference[(activity.Descriptor.Name, activity.Descriptor.Version)] = activity;
    }

    public IActivityCatalog Catalog { get; }

    public IActivity Get(ActivityDescriptor descriptor) =>
        _byReference.TryGetValue((descriptor.Name, descriptor.Version), out var activity)
            ? activity
            : throw new InvalidOperationException($"no activity {descriptor.Reference} is registered");
}
