using System.IO.Compression;
using System.Text;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Fasta;

public sealed class FastaWriterTests
{
    [Fact]
    public void LinesHaveTheGivenWidthAndTheLastIsShorter()
    {
        using var dir = new TempDirectory("genome");
        FastaWriter.WriteFile(dir.File("a.fa"), [("chr1 some description", new string('A', 10)), ("chr2", "CCCC"), ("chr3", "")], width: 4);

        Assert.Equal(">chr1 some description\nAAAA\nAAAA\nAA\n>chr2\nCCCC\n>chr3\n", File.ReadAllText(dir.File("a.fa")));
    }

    [Fact]
    public void GzipIsChosenByNameOrFlagAndReadsBack()
    {
        using var dir = new TempDirectory("genome");
        using var genome = InMemoryGenome.FromStrings(("chr1", "ACGTNACGTN"), ("chr2", "GG"));

        FastaWriter.WriteFile(dir.File("g.fa.gz"), genome, width: 3);

        using var gzip = new GZipStream(File.OpenRead(dir.File("g.fa.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.ASCII);
        Assert.Equal(">chr1\nACG\nTNA\nCGT\nN\n>chr2\nGG\n", reader.ReadToEnd());
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void RecordsToStreamsAndTextWritersMatch()
    {
        using var genome = InMemoryGenome.FromStrings(("chr1", string.Concat(Enumerable.Repeat("ACGTN", 40_000))));
        using var bytes = new MemoryStream();
        var text = new StringWriter();

        FastaWriter.WriteRecord(bytes, "chr1:3-150000", genome, "chr1", 2, 149_998, 61);
        FastaWriter.WriteRecord(text, "chr1:3-150000", genome, "chr1", 2, 149_998, 61);

        Assert.Equal(Encoding.ASCII.GetString(bytes.ToArray()), text.ToString());
        string[] lines = text.ToString().Split('\n');
        Assert.Equal(">chr1:3-150000", lines[0]);
        Assert.Equal(61, lines[1].Length);
        Assert.Equal(149_998 % 61, lines[^2].Length);
    }
}
