using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HyenaFlow.Genomics.IO;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>
/// NumPy's .npy format (versions 1–3, C order, little-endian numeric types) to and from tensors.
/// </summary>
public static class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static Tensor Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Parse(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static Tensor Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
            throw new InvalidDataException("not a .npy file (magic \\x93NUMPY missing).");
        var major = bytes[6];
        var (headerLength, headerStart) = major switch
        {
            1 => ((int)BitConverter.ToUInt16(bytes[8..10]), 10),
            2 or 3 => (checked((int)BitConverter.ToUInt32(bytes[8..12])), 12),
            _ => throw new InvalidDataException($".npy version {major} is not supported (expected 1, 2 or 3)."),
        };
        var header = Encoding.UTF8.GetString(bytes.Slice(headerStart, headerLength));
        var descr = HeaderField(header, "descr", "'([^']*)'");
        if (HeaderField(header, "fortran_order", "(True|False)") == "True")
            throw new InvalidDataException("Fortran-order arrays are not supported; save with C order.");
        var shapeText = HeaderField(header, "shape", @"\(([^)]*)\)");
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return TensorBytes.ToTensor(bytes[(headerStart + headerLength)..], DtypeOf(descr), shape);
    }

    /// <summary>Writes <paramref name="tensor"/> as a version-1 .npy file (atomically: temp file, then move).</summary>
    public static void Write(string path, Tensor tensor)
    {
        var shape = tensor.shape;
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var header = $"{{'descr': '{DescrOf(tensor.dtype)}', 'fortran_order': False, 'shape': {shapeText}, }}";
        // Pad with spaces so the data starts at a multiple of 64, ending the header with '\n'.
        var unpadded = Magic.Length + 4 + header.Length + 1;
        header += new string(' ', (64 - unpadded % 64) % 64) + "\n";
        var data = TensorBytes.ToBytes(tensor);

        AtomicFile.Write(path, stream =>
        {
            stream.Write(Magic);
            stream.Write([1, 0]);
            stream.Write(BitConverter.GetBytes(checked((ushort)header.Length)));
            stream.Write(Encoding.ASCII.GetBytes(header));
            stream.Write(data);
        });
    }

    private static string HeaderField(string header, string key, string valuePattern)
    {
        var match = Regex.Match(header, $"'{key}'\\s*:\\s*{valuePattern}");
        return match.Success ? match.Groups[1].Value : throw new InvalidDataException($".npy header lacks '{key}': {header.Trim()}");
    }

    private static ScalarType DtypeOf(string descr) => descr switch
    {
        "<f4" => ScalarType.Float32,
        "<f8" => ScalarType.Float64,
        "<f2" => ScalarType.Float16,
        "<i8" => ScalarType.Int64,
        "<i4" => ScalarType.Int32,
        "<i2" => ScalarType.Int16,
        "|i1" => ScalarType.Int8,
        "|u1" => ScalarType.Byte,
        "|b1" => ScalarType.Bool,
        _ => throw new InvalidDataException($".npy type '{descr}' is not supported (expected little-endian f2/f4/f8, i1/i2/i4/i8, u1 or b1)."),
    };

    private static string DescrOf(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "<f4",
        ScalarType.Float64 => "<f8",
        ScalarType.Float16 => "<f2",
        ScalarType.Int64 => "<i8",
        ScalarType.Int32 => "<i4",
        ScalarType.Int16 => "<i2",
        ScalarType.Int8 => "|i1",
        ScalarType.Byte => "|u1",
        ScalarType.Bool => "|b1",
        _ => throw new NotSupportedException($"Tensor type {dtype} has no .npy equivalent here."),
    };
}
