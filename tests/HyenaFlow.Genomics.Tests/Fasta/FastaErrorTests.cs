using System.IO.Compression;
using System.Text;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Tests.Genome;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Fasta;

public sealed class FastaErrorTests : IDisposable
{
    private readonly TempDirectory dir = new("genome");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void SequenceBeforeAnyHeaderNamesFileAndLine()
    {
        var e = ImportFails("noheader.fa", "\n\nACGT\n>chr1\nACGT\n");
        Assert.Equal(3, e.Line);
        Assert.StartsWith($"{dir.File("noheader.fa")}:3: sequence data before any header", e.Message);
    }

    [Fact]
    public void BadCharacterNamesTheCharacterLineAndColumn()
    {
        var e = ImportFails("bad.fa", ">chr1\nACGTACGT\nACGT\nAC-T\n");
        Assert.Equal(4, e.Line);
        Assert.Contains($"{dir.File("bad.fa")}:4:", e.Message);
        Assert.Contains("bad character '-' at line 4, column 3", e.Message);
    }

    [Fact]
    public void BadCharacterInASkippedSequenceIsStillReported()
    {
        var e = ImportFails("bad2.fa", ">chr1\nACGT\n>chrX\nACGU\n");
        Assert.Contains("bad character 'U' at line 4, column 4", e.Message);
    }

    [Fact]
    public void TruncatedGzipIsReportedWithFileAndLine()
    {
        byte[] whole = Gzip(LongFasta());
        File.WriteAllBytes(dir.File("cut.fa.gz"), whole[..(whole.Length / 2)]);

        var e = Assert.Throws<DataFormatException>(() => FastaImporter.Import(dir.File("cut.fa.gz"), dir.File("out.hfg")));

        Assert.NotNull(e.Line);
        Assert.StartsWith($"{dir.File("cut.fa.gz")}:{e.Line}:", e.Message);
        Assert.Contains("truncated", e.Message);
        AssertNoStoreLeft();
    }

    [Fact]
    public void GzipCutInsideItsTrailerIsStillTruncated()
    {
        byte[] whole = Gzip(LongFasta());
        File.WriteAllBytes(dir.File("cut.fa.gz"), whole[..^3]);

        var e = Assert.Throws<DataFormatException>(() => FastaImporter.Import(dir.File("cut.fa.gz"), dir.File("out.hfg")));

        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void TruncatedBgzipIsReported()
    {
        File.WriteAllBytes(dir.File("whole.fa"), LongFasta());
        ExternalTool.Bgzip(dir.File("whole.fa"), dir.File("whole.fa.gz"));
        byte[] whole = File.ReadAllBytes(dir.File("whole.fa.gz"));
        File.WriteAllBytes(dir.File("cut.fa.gz"), whole[..(whole.Length * 2 / 3)]);

        var e = Assert.Throws<DataFormatException>(() => FastaImporter.Import(dir.File("cut.fa.gz"), dir.File("out.hfg")));

        Assert.StartsWith(dir.File("cut.fa.gz"), e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void DuplicateNamesAfterCanonicalMappingPointAtBothLines()
    {
        var e = ImportFails("dup.fa", ">1 dna:chromosome\nACGT\nACGT\n>chr1\nACGT\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("duplicate sequence name 'chr1'", e.Message);
        Assert.Contains("line 1 already", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void EmptyFileIsRejected(string text)
    {
        var e = ImportFails("empty.fa", text);
        Assert.Contains("empty", e.Message);
        Assert.StartsWith(dir.File("empty.fa"), e.Message);
    }

    [Fact]
    public void EmptyGzipIsRejected()
    {
        File.WriteAllBytes(dir.File("empty.fa.gz"), Gzip([]));
        var e = Assert.Throws<DataFormatException>(() => FastaImporter.Import(dir.File("empty.fa.gz"), dir.File("out.hfg")));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void HtmlPageIsRecognised()
    {
        const string page = "\n<!DOCTYPE html>\n<html><head><title>Verify you are human</title></head></html>\n";
        var e = ImportFails("page.fa", page);
        Assert.Equal(2, e.Line);
        Assert.Contains("HTML", e.Message);

        File.WriteAllBytes(dir.File("page.fa.gz"), Gzip(Encoding.UTF8.GetBytes(page)));
        var gz = Assert.Throws<DataFormatException>(() => FastaImporter.Import(dir.File("page.fa.gz"), dir.File("out.hfg")));
        Assert.Contains("HTML", gz.Message);
    }

    [Fact]
    public void NoSelectedSequenceOrAMissingRequestedOneIsAnError()
    {
        var none = ImportFails("x.fa", ">chrX\nACGT\n>chr1_KI270706v1_random\nAC\n");
        Assert.Contains("no sequence matches the selection 'autosomes'", none.Message);

        File.WriteAllText(dir.File("y.fa"), ">chr1\nACGT\n");
        var missing = Assert.Throws<DataFormatException>(() =>
            FastaImporter.Import(dir.File("y.fa"), dir.File("out.hfg"), new() { Keep = ChromosomeSelection.Parse("chr1,chr9") }));
        Assert.Contains("chr9 not found", missing.Message);
    }

    private DataFormatException ImportFails(string name, string text)
    {
        File.WriteAllText(dir.File(name), text);
        var e = Assert.Throws<DataFormatException>(() => FastaImporter.Import(dir.File(name), dir.File("out.hfg")));
        Assert.Equal(dir.File(name), e.File);
        AssertNoStoreLeft();
        return e;
    }

    private void AssertNoStoreLeft() =>
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.Contains(".hfg", StringComparison.Ordinal));

    private static byte[] LongFasta()
    {
        var random = new Random(11);
        var text = new StringBuilder();
        foreach (string name in (string[])["chr1", "chr2", "chr3"])
        {
            text.Append('>').Append(name).Append('\n');
            byte[] bases = SyntheticSequences.WithNRuns(random, 150_000);
            for (int i = 0; i < bases.Length; i += 60)
            {
                text.Append(Encoding.ASCII.GetString(bases, i, Math.Min(60, bases.Length - i))).Append('\n');
            }
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
