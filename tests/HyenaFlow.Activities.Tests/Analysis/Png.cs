using System.Buffers.Binary;
using SkiaSharp;

namespace HyenaFlow.Activities.Tests.Analysis;

/// <summary>A PNG as a viewer sees it: the signature, the size asked for, and drawn content rather than a blank page.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void AssertValid(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} has only {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal((width, height), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        var colours = new HashSet<uint>();
        long ink = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            colours.Add((uint)pixel);
            if (pixel.Red < 245 || pixel.Green < 245 || pixel.Blue < 245)
                ink++;
        }

        Assert.True(colours.Count >= 8, $"{path} has only {colours.Count} colours: it looks blank");
        Assert.True(ink > 0.005 * width * height, $"{path}: only {ink} of {width * height} pixels are drawn");
    }
}
