namespace HyenaFlow.Engine.Model;

/// <summary>
/// Writes a model's weights in TorchSharp's format so that a crash never leaves half a file: a temporary name beside the
/// target, then a rename. Not through a stream: TorchSharp's <c>save</c> closes the stream it is given.
/// </summary>
public static class WeightsFile
{
    public static string Save(HyenaDnaModel model, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            model.save(temp);
            File.Move(temp, full, overwrite: true);
            return full;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
