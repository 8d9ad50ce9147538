using System.Diagnostics;
using System.Text;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Download;

public sealed class BsdSumTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(250_000)]
    public async Task MatchesTheCoreutilsSumCommand(int length)
    {
        using var temp = new TempDirectory("bsdsum");
        string path = temp.File("data.bin");
        File.WriteAllBytes(path, DownloadTestData.RandomBytes(length, seed: length));

        string expected = RunSum(path);
        await using FileStream stream = File.OpenRead(path);
        BsdSum actual = await BsdSum.ComputeAsync(stream);

        Assert.Equal(expected, actual.ToString());
    }

    [Fact]
    public void KnownValue()
    {
        var sum = new BsdSum();
        sum.Append("hello"u8);
        Assert.Equal((8403, 1L, "08403 1"), (sum.Checksum, sum.Blocks, sum.ToString()));
    }

    [Fact]
    public void AppendingInPiecesEqualsAppendingAtOnce()
    {
        byte[] data = DownloadTestData.RandomBytes(5000, seed: 3);
        var whole = new BsdSum();
        whole.Append(data);
        var pieces = new BsdSum();
        pieces.Append(data.AsSpan(0, 17));
        pieces.Append(data.AsSpan(17, 3000));
        pieces.Append(data.AsSpan(3017));
        Assert.Equal(whole.ToString(), pieces.ToString());
    }

    /// <summary>The real <c>sum</c> (BSD algorithm by default), its output reduced to "checksum blocks".</summary>
    private static string RunSum(string path)
    {
        var start = new ProcessStartInfo("sum") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        string[] fields = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new StringBuilder(fields[0]).Append(' ').Append(fields[1]).ToString();
    }
}
