using System.IO.Compression;
using System.Text;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Tests.Genome;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Fasta;

public sealed class FastaImportTests
{
    private static readonly GenomeImportOptions Primary = new() { Keep = ChromosomeSelection.Primary };

    [Fact]
    public void NcbiHeadersBecomeCanonicalNamesAndScaffoldsAreSkipped()
    {
        using var dir = new TempDirectory("genome");
        string fasta = dir.File("ncbi.fna");
        File.WriteAllText(fasta,
            ">NC_000001.11 Homo sapiens chromosome 1, GRCh38.p14 Primary Assembly\nACGT\n" +
            ">NT_187361.1 Homo sapiens chromosome 1 unlocalized genomic scaffold\nAAAA\n" +
            ">NC_000023.11 Homo sapiens chromosome X, GRCh38.p14 Primary Assembly\nCCCC\n" +
            ">NC_012920.1 Homo sapiens mitochondrion, complete genome\nGGGG\n");

        GenomeImportSummary summary = FastaImporter.Import(fasta, dir.File("g.hfg"), Primary);

        Assert.Equal(["chr1", "chrX", "chrM"], summary.Kept.Select(c => c.Name));
        Assert.Equal(["NT_187361.1"], summary.Skipped);
        using GenomeStore store = GenomeStore.Open(dir.File("g.hfg"));
        Assert.Equal("CCCC", ReadAll(store, "chrX"));
    }

    [Fact]
    public void UcscAndEnsemblHeadersGiveTheSameStoreAndAutosomesOnlyByDefault()
    {
        using var dir = new TempDirectory("genome");
        File.WriteAllText(dir.File("ucsc.fa"),
            ">chr1\nACGTN\n>chr1_KI270706v1_random\nAC\n>chrUn_KI270302v1\nAC\n>chr6_GL000250v2_alt\nAC\n>chr2\nTTTT\n>chrX\nGG\n>chrM\nCC\n");
        File.WriteAllText(dir.File("ensembl.fa"),
            ">1 dna:chromosome chromosome:GRCh38:1:1:248956422:1 REF\nACGTN\n>KI270728.1 dna:scaffold scaffold:GRCh38:KI270728.1:1:1872759:1 REF\nAC\n" +
            ">2 dna:chromosome chromosome:GRCh38:2:1:242193529:1 REF\nTTTT\n>X dna:chromosome\nGG\n>MT dna:chromosome chromosome:GRCh38:MT:1:16569:1 REF\nCC\n");

        var ucsc = FastaImporter.Import(dir.File("ucsc.fa"), dir.File("ucsc.hfg"));
        var ensembl = FastaImporter.Import(dir.File("ensembl.fa"), dir.File("ensembl.hfg"));

        Assert.Equal(["chr1", "chr2"], ucsc.Kept.Select(c => c.Name));
        Assert.Equal(["chr1", "chr2"], ensembl.Kept.Select(c => c.Name));
        Assert.Equal(["chr1_KI270706v1_random", "chrUn_KI270302v1", "chr6_GL000250v2_alt", "chrX", "chrM"], ucsc.Skipped);
        Assert.Equal(["KI270728.1", "chrX", "chrM"], ensembl.Skipped);
        AssertSameContent(dir.File("ucsc.hfg"), dir.File("ensembl.hfg"));

        var primary = FastaImporter.Import(dir.File("ensembl.fa"), dir.File("p.hfg"), Primary);
        Assert.Equal(["chr1", "chr2", "chrX", "chrM"], primary.Kept.Select(c => c.Name));
        var scaffold = FastaImporter.Import(dir.File("ucsc.fa"), dir.File("s.hfg"), new() { Keep = ChromosomeSelection.Parse("chrUn_KI270302v1,2") });
        Assert.Equal(["chrUn_KI270302v1", "chr2"], scaffold.Kept.Select(c => c.Name));
    }

    [Fact]
    public void SoftMaskingIsUpperCasedAndIupacCodesAreCountedAndStoredAsN()
    {
        using var dir = new TempDirectory("genome");
        File.WriteAllText(dir.File("m.fa"), ">chr1\nacgtnACGTN\nRYKMSWBDHV\nrykmswbdhvAc\r\n");

        var summary = FastaImporter.Import(dir.File("m.fa"), dir.File("m.hfg"));

        using GenomeStore store = GenomeStore.Open(dir.File("m.hfg"));
        Assert.Equal("ACGTNACGTN" + new string('N', 20) + "AC", ReadAll(store, "chr1"));
        BaseCounts counts = store.Stats.Total;
        Assert.Equal(new BaseCounts(3, 3, 2, 2, 22, 20), counts);
        Assert.Equal(32, counts.Total);
        Assert.Equal(counts, summary.Stats.Total);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(100_000)]
    public void AnyLineWidthGivesTheSameStore(int width)
    {
        using var dir = new TempDirectory("genome");
        var random = new Random(width);
        byte[] chr1 = SyntheticSequences.WithNRuns(random, 5_003);
        byte[] chr2 = SyntheticSequences.WithNRuns(random, 1_237);
        FastaWriter.WriteFile(dir.File("w.fa"), [("chr1", SyntheticSequences.SoftMasked(random, chr1)), ("chr2", chr2)], width);
        FastaWriter.WriteFile(dir.File("ref.fa"), [("chr1", chr1), ("chr2", chr2)], 60);
        string[] lines = File.ReadAllLines(dir.File("w.fa"));
        Assert.Equal(Math.Min(width, 5_003), lines[1].Length);
        Assert.True(width >= 5_003 || lines[lines.Length / 2].Length <= width);

        FastaImporter.Import(dir.File("w.fa"), dir.File("w.hfg"));
        FastaImporter.Import(dir.File("ref.fa"), dir.File("ref.hfg"));

        using GenomeStore store = GenomeStore.Open(dir.File("w.hfg"));
        Assert.Equal(Encoding.ASCII.GetString(chr1), ReadAll(store, "chr1"));
        Assert.Equal(Encoding.ASCII.GetString(chr2), ReadAll(store, "chr2"));
        AssertSameContent(dir.File("w.hfg"), dir.File("ref.hfg"));
    }

    [Fact]
    public void PlainGzipMultiMemberGzipAndRealBgzipGiveIdenticalStores()
    {
        using var dir = new TempDirectory("genome");
        var random = new Random(7);
        // Large enough for bgzip to write several 64 KiB blocks.
        var records = new[] { ("chr1", SyntheticSequences.SoftMasked(random, SyntheticSequences.WithNRuns(random, 200_000))), ("chr2", SyntheticSequences.WithNRuns(random, 90_001)) };
        string plain = dir.File("g.fa");
        FastaWriter.WriteFile(plain, records, 60);
        FastaWriter.WriteFile(dir.File("g.fa.gz"), records, 60);
        ExternalTool.Bgzip(plain, dir.File("g.fa.bgz"));
        using (var twoMembers = File.Create(dir.File("g.cat.gz")))
        {
            byte[] text = File.ReadAllBytes(plain);
            foreach (var part in new[] { text[..100_001], text[100_001..] })
            {
                using var gzip = new GZipStream(twoMembers, CompressionLevel.Fastest, leaveOpen: true);
                gzip.Write(part);
            }
        }

        var results = new[] { "g.fa", "g.fa.gz", "g.fa.bgz", "g.cat.gz" }
            .Select(f => FastaImporter.Import(dir.File(f), dir.File(f + ".hfg")))
            .ToArray();

        Assert.Equal(["plain", "gzip", "bgzf", "gzip"], results.Select(r => r.Compression));
        foreach (var r in results.Skip(1))
        {
            AssertSameContent(results[0].StorePath, r.StorePath);
            Assert.Equal(results[0].Stats.Total, r.Stats.Total);
            Assert.Equal(results[0].TextBytes, r.TextBytes);
        }
    }

    [Fact]
    public void ImportReportsProgressInFileBytesAndLeavesNoTemporaryFiles()
    {
        using var dir = new TempDirectory("genome");
        var random = new Random(3);
        FastaWriter.WriteFile(dir.File("p.fa.gz"), [("chr1", SyntheticSequences.WithNRuns(random, 50_000))], 60);
        var reports = new List<ProgressReport>();

        FastaImporter.Import(dir.File("p.fa.gz"), dir.File("p.hfg"), null, new SynchronousProgress(reports.Add));

        long size = new FileInfo(dir.File("p.fa.gz")).Length;
        Assert.Equal(new ProgressReport("reading", size, size, "B"), reports[^1]);
        Assert.Equal(["p.fa.gz", "p.hfg"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    internal static string ReadAll(IReferenceGenome genome, string chrom)
    {
        var bases = new byte[genome.Find(chrom)!.Length];
        genome.Read(chrom, 0, bases);
        return Encoding.ASCII.GetString(bases);
    }

    internal static void AssertSameContent(string storeA, string storeB)
    {
        using GenomeStore a = GenomeStore.Open(storeA);
        using GenomeStore b = GenomeStore.Open(storeB);
        Assert.Equal(a.Chromosomes, b.Chromosomes);
        Assert.Equal(a.Stats.PerChromosome, b.Stats.PerChromosome);
        foreach (ChromosomeInfo c in a.Chromosomes)
        {
            Assert.Equal(ReadAll(a, c.Name), ReadAll(b, c.Name));
        }
    }

    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => report(value);
    }
}
