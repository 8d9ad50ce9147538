using System.Buffers.Binary;
using SkiaSharp;

namespace HyenaFlow.Plots.Tests.Support;

/// <summary>Checks on a PNG file as a viewer would see it: a real PNG header, the size asked for, and drawn content.</summary>
public static class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width and height from the IHDR chunk, after checking the signature.</summary>
    public static (int Width, int Height) Header(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} has only {bytes.Length} bytes.");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>Asserts a valid PNG of exactly <paramref name="width"/> × <paramref name="height"/> with real content (many colours, a fair share of non-white pixels).</summary>
    public static void AssertValid(string path, int width, int height)
    {
        Assert.True(File.Exists(path), $"{path} was not written.");
        Assert.Equal((width, height), Header(path));
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<uint>();
        long nonWhite = 0;
        foreach (SKColor pixel in bitmap.Pixels)
        {
            colours.Add((uint)pixel);
            if (pixel.Red < 245 || pixel.Green < 245 || pixel.Blue < 245) nonWhite++;
        }

        Assert.True(colours.Count >= 8, $"{path} has only {colours.Count} distinct colours: it looks blank.");
        double share = (double)nonWhite / (width * height);
        Assert.True(share > 0.005, $"{path}: only {share:P2} of the pixels are not white.");
    }

    /// <summary>Pixels of exactly <paramref name="colour"/> (marker centres are drawn in the pure colour).</summary>
    public static long Count(string path, SKColor colour)
    {
        using var bitmap = SKBitmap.Decode(path);
        return bitmap.Pixels.LongCount(p => p.Red == colour.Red && p.Green == colour.Green && p.Blue == colour.Blue);
    }

    /// <summary>Non-white pixels in a horizontal band (e.g. where a title should be).</summary>
    public static long InkInRows(string path, int top, int bottom)
    {
        using var bitmap = SKBitmap.Decode(path);
        long ink = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor p = bitmap.GetPixel(x, y);
                if (p.Red < 200 && p.Green < 200 && p.Blue < 200) ink++;
            }
        }

        return ink;
    }
}
