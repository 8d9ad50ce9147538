using System.Diagnostics;
using System.Globalization;
using HyenaFlow.Genomics;

namespace HyenaFlow.Cli.CommandLine;

/// <summary>A one-line terminal progress bar on stderr, redrawn at most ten times a second.</summary>
public sealed class ProgressBar(TextWriter writer, string label) : IProgress<ProgressReport>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private long lastDrawMs = -1000;

    public void Report(ProgressReport value)
    {
        lock (gate)
        {
            long now = clock.ElapsedMilliseconds;
            bool finished = value.Total > 0 && value.Done >= value.Total;
            if (!finished && now - lastDrawMs < 100)
            {
                return;
            }

            lastDrawMs = now;
            writer.Write('\r');
            writer.Write(Render(value, clock.Elapsed));
            if (finished)
            {
                writer.WriteLine();
            }

            writer.Flush();
        }
    }

    internal string Render(ProgressReport value, TimeSpan elapsed)
    {
        string stage = string.IsNullOrEmpty(value.Stage) ? label : $"{label}: {value.Stage}";
        double rate = elapsed.TotalSeconds > 0 ? value.Done / elapsed.TotalSeconds : 0;
        string unit = string.IsNullOrEmpty(value.Unit) ? "" : " " + value.Unit;
        if (value.Total <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{stage} {value.Done:N0}{unit} ({rate:N0}{unit}/s)   ");
        }

        double fraction = Math.Clamp((double)value.Done / value.Total, 0, 1);
        const int width = 30;
        int filled = (int)(fraction * width);
        string bar = new string('#', filled) + new string('.', width - filled);
        string eta = rate > 0 && fraction < 1 ? TimeSpan.FromSeconds((value.Total - value.Done) / rate).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "00:00:00";
        return string.Create(CultureInfo.InvariantCulture, $"{stage} [{bar}] {fraction * 100,5:F1}% {value.Done:N0}/{value.Total:N0}{unit} ETA {eta}   ");
    }
}
