using HyenaFlow.Genomics.IO;
using SkiaSharp;

namespace HyenaFlow.Plots.Rendering;

/// <summary>Writes PNGs so that a crash never leaves half an image: a temporary file in the same folder, then a rename.</summary>
public static class PngFile
{
    /// <summary>Encodes <paramref name="image"/> as PNG at <paramref name="path"/>.</summary>
    public static void Write(SKImage image, string path)
    {
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {image.Width} × {image.Height} image as PNG.");
        WriteBytes(path, data.AsSpan());
    }

    /// <summary>Renders <paramref name="plot"/> at <paramref name="width"/> × <paramref name="height"/> pixels to <paramref name="path"/>.</summary>
    public static void Write(ScottPlot.Plot plot, int width, int height, string path)
    {
        using var surface = FigureCanvas.CreateSurface(width, height);
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        Write(image, path);
    }

    private static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        AtomicFile.Write(path, stream => stream.Write(copy));
    }
}
