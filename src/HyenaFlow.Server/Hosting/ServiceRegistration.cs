using System.Reflection;
using System.Runtime.Loader;
using HyenaFlow.Storage;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HyenaFlow.Server.Hosting;

/// <summary>One <c>AddXxx</c> per library the server hosts. Registrations use TryAdd where a host (the CLI, a
/// test) may bring its own instance.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddServerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServerOptions>(configuration.GetSection(ServerOptions.Section));
        return services;
    }

    /// <summary>The artifact store: blob storage when <c>HYENAFLOW_BLOB_CONNECTION_STRING</c> is set, else the local
    /// folder of <see cref="ServerOptions.Artifacts"/>.</summary>
    public static IServiceCollection AddArtifactStore(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => ArtifactStoreFactory.FromEnvironment(Options(sp).ResolvedArtifacts));
        return services;
    }

    /// <summary>The workflow runtime on the configured database (SQLite file or PostgreSQL server; pools and cluster
    /// check-in from the environment, see <see cref="RuntimeOptions.FromEnvironment"/>), its read side, and the hosted
    /// service that makes this process a runner (unless <see cref="ServerOptions.ApiOnly"/>).</summary>
    public static IServiceCollection AddHyenaFlowRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => LoadActivities(Options(sp).ResolvedActivityAssemblies));
        services.TryAddSingleton<IRunTracker>(NullRunTracker.Instance);
        services.TryAddSingleton(sp => new WorkflowRuntime(
            RuntimeOptions.FromEnvironment(Options(sp).ResolvedDatabase),
            sp.GetRequiredService<ActivityRegistry>(),
            sp.GetRequiredService<IArtifactStore>(),
            sp.GetRequiredService<IRunTracker>()));
        services.TryAddSingleton(sp => new RunQueries(sp.GetRequiredService<WorkflowRuntime>().Database));
        services.AddHostedService<RuntimeRunner>();
        return services;
    }

    private static ServerOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ServerOptions>>().Value;

    /// <summary>Public classes implementing <see cref="IActivity"/> with a parameterless constructor, from each listed assembly.</summary>
    private static ActivityRegistry LoadActivities(string? assemblies)
    {
        var activities = new List<IActivity>();
        foreach (var path in (assemblies ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            activities.AddRange(assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IActivity).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (IActivity)Activator.CreateInstance(t)!));
        }

        return new ActivityRegistry(activities);
    }
}
