using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HyenaFlow.Genomics.Datasets;

/// <summary>
/// The header of a numpy <c>.npy</c> file, format version 1.0: magic, version, a little-endian
/// uint16 length, then a Python dict literal padded with spaces to a 64-byte boundary and ended by '\n'.
/// </summary>
/// <param name="Descr">numpy dtype string, e.g. <c>|u1</c> or <c>&lt;i8</c>.</param>
/// <param name="Shape">Dimensions in C order.</param>
/// <param name="DataOffset">Bytes before the first element.</param>
public sealed partial record NpyHeader(string Descr, bool FortranOrder, IReadOnlyList<long> Shape, int DataOffset)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Bytes per element of the dtypes HyenaFlow writes.</summary>
    public int ItemSize => Descr switch
    {
        "|u1" or "|i1" or "|b1" => 1,
        "<i2" or "<u2" => 2,
        "<i4" or "<u4" or "<f4" => 4,
        "<i8" or "<u8" or "<f8" => 8,
        _ => throw new NotSupportedException($"dtype '{Descr}' is not one HyenaFlow reads."),
    };

    /// <summary>The header bytes for a C-order array, padded to at least <paramref name="minimumSize"/> bytes.</summary>
    public static byte[] Encode(string descr, ReadOnlySpan<long> shape, int minimumSize = 0)
    {
        var dims = new StringBuilder();
        foreach (long d in shape)
        {
            dims.Append(d.ToString(CultureInfo.InvariantCulture)).Append(", ");
        }

        string shapeText = shape.Length == 1 ? $"({dims.ToString().TrimEnd()})" : $"({dims.ToString().TrimEnd(' ', ',')})";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int preamble = Magic.Length + 2 + 2;
        int total = preamble + dict.Length + 1;
        total = Math.Max(total, minimumSize);
        total = (total + 63) / 64 * 64;
        string padded = dict.PadRight(total - preamble - 1) + "\n";
        byte[] bytes = new byte[total];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte)(padded.Length & 0xFF);
        bytes[9] = (byte)(padded.Length >> 8);
        Encoding.ASCII.GetBytes(padded, 0, padded.Length, bytes, preamble);
        return bytes;
    }

    /// <summary>Reads and checks the header at the start of <paramref name="bytes"/> (at least the first 64 KiB or the whole file).</summary>
    public static NpyHeader Parse(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
        {
            throw new DataFormatException(file, null, "not a numpy .npy file (missing the \\x93NUMPY magic).");
        }

        int major = bytes[6];
        int lengthBytes = major == 1 ? 2 : 4;
        if (major is < 1 or > 3)
        {
            throw new DataFormatException(file, null, $".npy format version {major}.{bytes[7]} is not supported; expected 1.0, 2.0 or 3.0.");
        }

        int headerLength = lengthBytes == 2 ? bytes[8] | (bytes[9] << 8) : (int)BitConverter.ToUInt32(bytes.Slice(8, 4));
        int dataOffset = 6 + 2 + lengthBytes + headerLength;
        if (bytes.Length < dataOffset)
        {
            throw new DataFormatException(file, null, "the .npy header is cut short.");
        }

        string dict = Encoding.ASCII.GetString(bytes.Slice(6 + 2 + lengthBytes, headerLength));
        Match descr = DescrPattern().Match(dict);
        Match fortran = FortranPattern().Match(dict);
        Match shape = ShapePattern().Match(dict);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new DataFormatException(file, null, $"the .npy header '{dict.Trim()}' lacks descr, fortran_order or shape.");
        }

        var dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();
        return new NpyHeader(descr.Groups[1].Value, fortran.Groups[1].Value == "True", dims, dataOffset);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
