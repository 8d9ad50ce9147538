using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Genomics.Tests.Download;

/// <summary>Seeded test files and helpers shared by the download tests (and the CLI's).</summary>
public static class DownloadTestData
{
    public static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A small gzip-compressed FASTA with two records, like a reference FASTA in miniature.</summary>
    public static byte[] GzipFasta(int seed, int basesPerRecord = 20_000)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        foreach (string name in new[] { "NC_000001.11 Homo sapiens chromosome 1", "NC_000002.12 Homo sapiens chromosome 2" })
        {
            text.Append('>').Append(name).Append('\n');
            for (int i = 0; i < basesPerRecord; i++)
            {
                text.Append("ACGTacgtN"[random.Next(9)]);
                if (i % 80 == 79)
                {
                    text.Append('\n');
                }
            }

            text.Append('\n');
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.ASCII.GetBytes(text.ToString()));
        }

        return compressed.ToArray();
    }

    /// <summary>A CSV that looks like DepMap's, <paramref name="rows"/> rows long.</summary>
    public static byte[] Csv(string header, int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(header).Append('\n');
        int columns = header.Split(',').Length;
        for (int row = 0; row < rows; row++)
        {
            text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => c == 0 ? $"ACH-{row:D6}" : random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>Options that never sleep: every back-off delay is recorded instead of waited.</summary>
    public static DownloadOptions QuickOptions(List<TimeSpan>? delays = null, TimeSpan? idleTimeout = null) => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ResponseTimeout = TimeSpan.FromSeconds(5),
        IdleTimeout = idleTimeout ?? TimeSpan.FromSeconds(5),
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(1),
        JitterSeed = 7,
        Delay = (delay, _) =>
        {
            if (delays is not null)
            {
                lock (delays)
                {
                    delays.Add(delay);
                }
            }

            return Task.CompletedTask;
        },
    };
}

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread, so tests see every report in order.</summary>
public sealed class SyncProgress(Action<ProgressReport> onReport) : IProgress<ProgressReport>
{
    public void Report(ProgressReport value) => onReport(value);
}
