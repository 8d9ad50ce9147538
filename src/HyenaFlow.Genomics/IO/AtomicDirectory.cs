namespace HyenaFlow.Genomics.IO;

/// <summary>
/// Writes a multi-file artifact into a temporary sibling directory and renames it into place, so a
/// crash leaves either the old artifact or the new one, never a mixture.
/// </summary>
public static class AtomicDirectory
{
    /// <param name="marker">A file every artifact of this kind has; an existing non-empty directory without it is not replaced.</param>
    public static void Write(string directory, string marker, Action<string> writeInto)
    {
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"Cannot write an artifact at the root '{target}'.");
        if (File.Exists(target))
        {
            throw new IOException($"'{directory}' is a file; expected a directory path for the artifact.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, marker)))
        {
            throw new IOException($"'{directory}' exists and does not look like this kind of artifact (no {marker}); refusing to replace it. Choose another output path.");
        }

        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(target);
        string temp = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            writeInto(temp);
            if (Directory.Exists(target))
            {
                string old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
                Directory.Move(target, old);
                Directory.Move(temp, target);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temp, target);
            }
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }
    }
}
