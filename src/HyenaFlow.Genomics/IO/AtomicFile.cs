namespace HyenaFlow.Genomics.IO;

/// <summary>Writes a file under a temporary name in the same folder and renames it into place, so a crash never leaves half a file.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write) =>
        WriteVia(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            write(stream);
            stream.Flush(flushToDisk: true);
        });

    /// <summary>
    /// For writers that insist on a path of their own (TorchSharp's <c>save</c> closes any stream it is given):
    /// <paramref name="writeTemporary"/> writes the file at the temporary path it is handed, which then replaces
    /// <paramref name="path"/>; on failure the temporary file is removed.
    /// </summary>
    public static void WriteVia(string path, Action<string> writeTemporary)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });
}
