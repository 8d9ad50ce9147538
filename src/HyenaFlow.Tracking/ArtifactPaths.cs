namespace HyenaFlow.Tracking;

internal static class ArtifactPaths
{
    /// <summary>"<folder>/<file>" inside a run's artifacts; refuses anything that would climb out of them.</summary>
    public static string Combine(string? artifactFolder, string fileName)
    {
        var parts = (artifactFolder ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Append(fileName).ToList();
        if (parts.Any(p => p is "." or ".."))
        {
            throw new ArgumentException($"Artifact path '{artifactFolder}' must stay inside the run's artifacts (no '.' or '..').");
        }

        return string.Join('/', parts);
    }
}
