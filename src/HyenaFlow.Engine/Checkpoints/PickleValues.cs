using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>A Python class named by a pickle GLOBAL; never constructed, only recognised by name.</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public string FullName => $"{Module}.{Name}";
}

/// <summary>
/// An instance of a class this reader does not know (e.g. omegaconf.DictConfig): kept as an
/// inert record of what the pickle said, so the rest of the file still reads.
/// </summary>
internal sealed class PickleOpaque(PickleGlobal type, object? arguments)
{
    public PickleGlobal Type { get; } = type;
    public object? Arguments { get; } = arguments;
    public object? State { get; set; }
    public List<object?> Items { get; } = [];
    public PickleDict Entries { get; } = new();
}

/// <summary>A Python dict (or OrderedDict) in insertion order.</summary>
internal sealed class PickleDict
{
    private readonly List<KeyValuePair<object?, object?>> entries = [];

    public IReadOnlyList<KeyValuePair<object?, object?>> Entries => entries;

    public void Set(object? key, object? value)
    {
        var index = entries.FindIndex(e => Equals(e.Key, key));
        if (index >= 0) entries[index] = new(key, value);
        else entries.Add(new(key, value));
    }

    public object? this[string key] => TryGet(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool TryGet(string key, out object? value)
    {
        foreach (var entry in entries)
        {
            if (entry.Key is string s && s == key)
            {
                value = entry.Value;
                return true;
            }
        }
        value = null;
        return false;
    }
}

/// <summary>A torch storage (persistent id in data.pkl): its bytes are the zip entry data/&lt;Key&gt;.</summary>
internal sealed record PickleStorage(string Key, ScalarType DType);

/// <summary>A tensor as torch._utils._rebuild_tensor_v2 describes it: a strided view of a storage.</summary>
internal sealed record PickleTensor(PickleStorage Storage, long Offset, long[] Shape, long[] Stride);
