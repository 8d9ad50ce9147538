using System.IO.Compression;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>
/// A file written by torch.save (zip format, PyTorch ≥ 1.6): <c>&lt;archive&gt;/data.pkl</c>
/// describes the object, <c>&lt;archive&gt;/data/&lt;key&gt;</c> hold the storages' bytes.
/// Only the tensors asked for are ever materialised.
/// </summary>
internal sealed class TorchZipFile : IDisposable
{
    private readonly ZipArchive zip;
    private readonly string archive;
    private readonly Dictionary<string, byte[]> storages = [];

    private TorchZipFile(string path, ZipArchive zip)
    {
        this.zip = zip;
        var pickle = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1)
            ?? throw new InvalidDataException($"{path}: no <archive>/data.pkl entry; not a torch.save zip file.");
        archive = pickle.FullName[..pickle.FullName.IndexOf('/', StringComparison.Ordinal)];
        var byteOrder = zip.GetEntry($"{archive}/byteorder");
        if (byteOrder is not null)
        {
            using var reader = new StreamReader(byteOrder.Open());
            var order = reader.ReadToEnd().Trim();
            if (order != "little") throw new InvalidDataException($"{path}: byte order '{order}' is not supported (expected little).");
        }
        Root = PickleReader.Load(ReadEntry(pickle));
    }

    /// <summary>The unpickled object: dicts, lists, scalars, <see cref="PickleTensor"/> and <see cref="PickleOpaque"/>.</summary>
    public object? Root { get; }

    /// <summary>Whether <paramref name="path"/> starts like a zip file.</summary>
    public static bool IsZip(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.Read(head) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    public static TorchZipFile Open(string path)
    {
        if (!IsZip(path))
            throw new InvalidDataException($"{path}: not a zip-format torch.save file (files saved by PyTorch < 1.6 must be re-saved with a newer PyTorch).");
        var zip = ZipFile.OpenRead(path);
        try
        {
            return new TorchZipFile(path, zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>A contiguous CPU tensor with the described shape, strides and offset applied.</summary>
    public Tensor Materialize(PickleTensor description)
    {
        if (!storages.TryGetValue(description.Storage.Key, out var bytes))
        {
            var entry = zip.GetEntry($"{archive}/data/{description.Storage.Key}")
                ?? throw new InvalidDataException($"Storage '{description.Storage.Key}' is missing from the checkpoint.");
            bytes = ReadEntry(entry);
            storages[description.Storage.Key] = bytes;
        }
        var elementSize = TensorBytes.ElementSize(description.Storage.DType);
        using var flat = TensorBytes.ToTensor(bytes, description.Storage.DType, [bytes.Length / elementSize]);
        using var view = flat.as_strided(description.Shape, description.Stride, description.Offset);
        return view.clone();
    }

    public void Dispose() => zip.Dispose();

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var bytes = new byte[entry.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
