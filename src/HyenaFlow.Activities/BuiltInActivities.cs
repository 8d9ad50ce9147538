using System.Reflection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities;

/// <summary>Every activity this assembly ships, found by reflection (a public class implementing
/// <see cref="IActivity"/> with a parameterless constructor), so adding an activity is adding a file.</summary>
public static class BuiltInActivities
{
    public static IReadOnlyList<IActivity> All() => FromAssembly(typeof(BuiltInActivities).Assembly);

    public static IReadOnlyList<IActivity> FromAssembly(Assembly assembly) =>
        LoadableTypes(assembly)
            .Where(t => t is { IsVisible: true, IsClass: true, IsAbstract: false } && typeof(IActivity).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IActivity)Activator.CreateInstance(t)!)
            .OrderBy(a => a.Descriptor.Name, StringComparer.Ordinal)
            .ToList();

    // A plug-in assembly (a test assembly, say) may hold types whose dependencies are not deployed with the
    // host; those cannot be activities anyway, so they are skipped rather than failing the whole load.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
