using System.Reflection;

namespace HyenaFlow.Deployment.Tests.Support;

/// <summary>The checkout under test, recorded at build time so that an --artifacts-path build still finds it.</summary>
internal static class Repository
{
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A path given with '/' separators, relative to the repository root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string relative)
    {
        var path = PathOf(relative);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"{relative} is missing from the repository", path);
    }
}
