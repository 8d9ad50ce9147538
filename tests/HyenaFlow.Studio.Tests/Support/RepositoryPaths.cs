using System.Reflection;

namespace HyenaFlow.Studio.Tests.Support;

/// <summary>Where the checkout is: recorded at build time (see the project file), else found from the test
/// assembly's folder upwards (the solution file marks it).</summary>
internal static class RepositoryPaths
{
    /// <summary>The built Studio; a clear failure when it was not built, since the test is about the real bundle.</summary>
    public static string RequireBuiltStudio()
    {
        var dist = Path.Combine(Root(), "src", "HyenaFlow.Studio", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            throw new InvalidOperationException(
                $"The Studio is not built: {dist} has no index.html. Build it with `npm ci && npm run build` in src/HyenaFlow.Studio " +
                "(bash infra/setup.sh does both).");
        }

        return dist;
    }

    private static string Root()
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "HyenaFlow.sln")))
            return recorded;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HyenaFlow.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"no HyenaFlow.sln at {recorded} (recorded at build time) nor above {AppContext.BaseDirectory}");
    }
}
