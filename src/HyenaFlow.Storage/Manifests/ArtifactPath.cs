namespace HyenaFlow.Storage.Manifests;

/// <summary>
/// The relative paths a manifest may hold. They are checked when a directory is stored and again when one is
/// materialized, because a manifest read back from a shared store could have been written by anyone: a path
/// must never reach outside the directory being written, on Linux or on Windows.
/// </summary>
public static class ArtifactPath
{
    /// <summary>Null when <paramref name="path"/> is a safe relative path, else why it is not.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "it is empty";
        }

        if (path.Contains('\\'))
        {
            return "it contains a backslash ('/' is the only separator)";
        }

        if (path.Contains(':'))
        {
            return "it contains ':' (a drive or stream name)";
        }

        if (path.StartsWith('/'))
        {
            return "it is absolute";
        }

        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty segment ('//' or a trailing '/')";
            }

            if (segment is "." or "..")
            {
                return $"it has a '{segment}' segment";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the path when it is not a safe relative path.</summary>
    public static void Require(string path, string where)
    {
        var problem = Problem(path);
        if (problem is not null)
        {
            throw new InvalidDataException($"{where}: path '{path}' is refused because {problem}.");
        }
    }

    /// <summary>The full local path of <paramref name="relativePath"/> under <paramref name="root"/>, checked to stay inside it.</summary>
    public static string Under(string root, string relativePath, string where)
    {
        Require(relativePath, where);
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{where}: path '{relativePath}' is refused because it leads outside '{fullRoot}'.");
        }

        return full;
    }
}
