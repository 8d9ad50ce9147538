using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// Writes a model's weights in TorchSharp's format so that a crash never leaves half a file. Through a path, not a
/// stream: TorchSharp's <c>save</c> closes the stream it is given.
/// </summary>
public static class WeightsFile
{
    public static void Save(HyenaDnaModel model, string path) => AtomicFile.WriteVia(path, temp => model.save(temp));
}
