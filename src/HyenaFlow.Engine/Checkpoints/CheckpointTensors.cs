using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>
/// The tensors of a checkpoint file, keyed as in the file (less the Lightning "model." prefix),
/// plus the keys that were deliberately left out and why. Owns (disposes) its tensors.
/// </summary>
public sealed class CheckpointTensors : IDisposable
{
    public CheckpointTensors(string path, Dictionary<string, Tensor> tensors, IReadOnlyList<string> ignored)
    {
        Path = path;
        Tensors = tensors;
        Ignored = ignored;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    public IReadOnlyList<string> Ignored { get; }

    public void Dispose()
    {
        foreach (var tensor in Tensors.Values) tensor.Dispose();
    }

    /// <summary>
    /// Reads a Lightning <c>weights.ckpt</c>, a torch.save state dict (<c>state_dict.bin</c>,
    /// <c>pytorch_model.bin</c>), a <c>.safetensors</c> file, a folder of <c>&lt;key&gt;.npy</c> files,
    /// or a folder laid out like a published repository (its <c>weights.ckpt</c>).
    /// </summary>
    public static CheckpointTensors Read(string path)
    {
        if (Directory.Exists(path))
            return PublishedCheckpointFolder.IsPublishedFolder(path) ? ReadTorchZip(PublishedCheckpointFolder.WeightsPath(path)) : ReadNpyFolder(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Checkpoint not found: {path}", path);
        if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
            return new CheckpointTensors(path, SafeTensorsFile.Read(path), []);
        return ReadTorchZip(path);
    }

    private static CheckpointTensors ReadNpyFolder(string folder)
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.npy").Order(StringComparer.Ordinal))
            tensors[System.IO.Path.GetFileNameWithoutExtension(file)] = NpyFile.Read(file);
        if (tensors.Count == 0) throw new InvalidDataException($"{folder}: no .npy files.");
        return new CheckpointTensors(folder, tensors, []);
    }

    private static CheckpointTensors ReadTorchZip(string path)
    {
        using var file = TorchZipFile.Open(path);
        var ignored = new List<string>();
        PickleDict stateDict;
        var isLightning = false;
        if (file.Root is PickleDict root && root.TryGet("state_dict", out var inner) && inner is PickleDict lightningState)
        {
            stateDict = lightningState;
            isLightning = true;
        }
        else
        {
            stateDict = file.Root as PickleDict
                ?? throw new InvalidDataException($"{path}: expected a state dict or a Lightning checkpoint (a dict with 'state_dict'), found {file.Root?.GetType().Name ?? "None"}.");
        }

        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var (keyObject, value) in stateDict.Entries)
            {
                if (keyObject is not string key) continue;
                if (value is not PickleTensor description)
                {
                    ignored.Add($"{key} (not a tensor)");
                    continue;
                }
                if (isLightning)
                {
                    // Lightning's state_dict holds the task's modules: the network is under "model.".
                    if (!key.StartsWith("model.", StringComparison.Ordinal))
                    {
                        ignored.Add($"{key} (Lightning task state outside 'model.')");
                        continue;
                    }
                    key = key["model.".Length..];
                }
                tensors[key] = file.Materialize(description);
            }
        }
        catch
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
            throw;
        }
        return new CheckpointTensors(path, tensors, ignored);
    }
}
