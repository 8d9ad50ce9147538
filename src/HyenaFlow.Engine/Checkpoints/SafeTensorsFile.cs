using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using HyenaFlow.Genomics.IO;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>The safetensors format: 8-byte header length, JSON header, raw little-endian data.</summary>
public static class SafeTensorsFile
{
    public static Dictionary<string, Tensor> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors file.");
        var headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        if (8 + headerLength > bytes.Length) throw new InvalidDataException($"{path}: header length {headerLength} exceeds the file.");
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var dataStart = 8 + headerLength;
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__") continue;
                var dtype = DtypeOf(entry.Value.GetProperty("dtype").GetString(), path);
                var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                if (offsets.Length != 2 || offsets[0] > offsets[1] || dataStart + offsets[1] > bytes.Length)
                    throw new InvalidDataException($"{path}: tensor '{entry.Name}' has invalid data_offsets.");
                tensors[entry.Name] = TensorBytes.ToTensor(bytes.AsSpan((int)(dataStart + offsets[0]), (int)(offsets[1] - offsets[0])), dtype, shape);
            }
        }
        catch
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
            throw;
        }
        return tensors;
    }

    /// <summary>Writes the tensors (sorted by name) atomically: temp file, then move.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        var names = tensors.Keys.Order(StringComparer.Ordinal).ToArray();
        var blobs = names.Select(n => TensorBytes.ToBytes(tensors[n])).ToArray();
        var header = new Dictionary<string, object>(StringComparer.Ordinal);
        long offset = 0;
        for (var i = 0; i < names.Length; i++)
        {
            header[names[i]] = new
            {
                dtype = NameOf(tensors[names[i]].dtype),
                shape = tensors[names[i]].shape,
                data_offsets = new[] { offset, offset + blobs[i].Length },
            };
            offset += blobs[i].Length;
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var padded = json.Length + (8 - json.Length % 8) % 8;

        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (var i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
            foreach (var blob in blobs) stream.Write(blob);
        });
    }

    private static ScalarType DtypeOf(string? name, string path) => name switch
    {
        "F32" => ScalarType.Float32,
        "F64" => ScalarType.Float64,
        "F16" => ScalarType.Float16,
        "BF16" => ScalarType.BFloat16,
        "I64" => ScalarType.Int64,
        "I32" => ScalarType.Int32,
        "I16" => ScalarType.Int16,
        "I8" => ScalarType.Int8,
        "U8" => ScalarType.Byte,
        "BOOL" => ScalarType.Bool,
        _ => throw new InvalidDataException($"{path}: safetensors type '{name}' is not supported."),
    };

    private static string NameOf(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float64 => "F64",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new NotSupportedException($"Tensor type {dtype} has no safetensors equivalent here."),
    };
}
