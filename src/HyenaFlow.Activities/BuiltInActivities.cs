using System.Reflection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities;

/// <summary>Every activity this assembly ships, found by reflection (a public class implementing
/// <see cref="IActivity"/> with a parameterless constructor), so adding an activity is adding a file.</summary>
public static class BuiltInActivities
{
    public static IReadOnlyList<IActivity> All() => FromAssembly(typeof(BuiltInActivities).Assembly);

    public static IReadOnlyList<IActivity> FromAssembly(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IActivity).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IActivity)Activator.CreateInstance(t)!)
            .OrderBy(a => a.Descriptor.Name, StringComparer.Ordinal)
            .ToList();
}
