using System.Text;

namespace HyenaFlow.Tracking.FileStore;

/// <summary>
/// Whole-file writes that readers (and a crash) never see half done. The temporary file lives in a
/// folder MLflow does not read as data (the run or experiment folder itself), so a crash leaves
/// nothing the UI would show as a param or tag.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Replace(string path, string content, string tempFolder)
    {
        var temp = WriteTemp(content, tempFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Creates <paramref name="path"/> only if it does not exist; false (and nothing written) when it does.</summary>
    public static bool TryCreate(string path, string content, string tempFolder)
    {
        var temp = WriteTemp(content, tempFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    public static void CopyReplace(string source, string path, string tempFolder)
    {
        var temp = TempName(tempFolder);
        File.Copy(source, temp);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(temp, path, overwrite: true);
    }

    public static string ReadText(string path) => File.ReadAllText(path, Utf8NoBom);

    private static string WriteTemp(string content, string tempFolder)
    {
        var temp = TempName(tempFolder);
        File.WriteAllText(temp, content, Utf8NoBom);
        return temp;
    }

    private static string TempName(string folder) => Path.Combine(folder, $".tmp-{Guid.NewGuid():N}");
}
