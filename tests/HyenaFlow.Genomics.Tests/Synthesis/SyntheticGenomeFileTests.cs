using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace HyenaFlow.Genomics.Tests.Synthesis;

[Collection(DemoDataCollection.Name)]
public sealed class SyntheticGenomeFileTests(DemoDataFixture data)
{
    private IEnumerable<FastaRecord> Autosomes => data.Records.Where(r => Regex.IsMatch(r.Header, @"^NC_0000(0[1-9]|1\d|2[0-2])\.\d+ "));

    [Fact]
    public void HeadersAreNcbiRefSeqStyle()
    {
        var headers = data.Records.Select(r => r.Header).ToList();
        Assert.Equal("NC_000001.11 Homo sapiens chromosome 1, GRCh38.p14 Primary Assembly", headers[0]);
        Assert.Contains("NC_000002.12 Homo sapiens chromosome 2, GRCh38.p14 Primary Assembly", headers);
        Assert.Contains("NC_000003.12 Homo sapiens chromosome 3, GRCh38.p14 Primary Assembly", headers);
        Assert.Contains("NC_000023.11 Homo sapiens chromosome X, GRCh38.p14 Primary Assembly", headers);
        Assert.Contains("NC_000024.10 Homo sapiens chromosome Y, GRCh38.p14 Primary Assembly", headers);
        Assert.Contains("NT_187361.1 Homo sapiens chromosome 1 unlocalized genomic scaffold, GRCh38.p14 Primary Assembly HSCHR1_CTG1_UNLOCALIZED", headers);
        Assert.Contains(headers, h => h.StartsWith("NW_", StringComparison.Ordinal) && h.Contains("GRCh38.p14", StringComparison.Ordinal));
        var mt = Assert.Single(data.Records, r => r.Header == "NC_012920.1 Homo sapiens mitochondrion, complete genome");
        Assert.Equal(16_569, mt.Bases.Length);
        Assert.Equal('N', mt.Bases[3_106]);
        Assert.Equal(1, mt.Bases.Count(c => c == 'N'));
    }

    [Fact]
    public void LinesAreEightyColumnsAndRecordsEndShort()
    {
        foreach (FastaRecord record in data.Records)
        {
            Assert.Equal(80, record.LongestLine);
            Assert.Equal(0, record.ShortLinesBeforeLast);
        }

        Assert.All(Autosomes, r => Assert.NotEqual(0, r.Bases.Length % 80));
    }

    [Fact]
    public void GzipIsPlainAndChecksumMatchesNcbiForm()
    {
        byte[] head = new byte[3];
        using (var stream = File.OpenRead(data.Summary.GenomePath))
        {
            stream.ReadExactly(head);
        }

        Assert.Equal(new byte[] { 0x1f, 0x8b, 0x08 }, head);
        string line = Assert.Single(File.ReadAllLines(data.Summary.ChecksumsPath));
        Assert.Matches("^[0-9a-f]{32}  \\./genome\\.fna\\.gz$", line);
        string md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(data.Summary.GenomePath)));
        Assert.Equal(md5, line[..32]);
    }

    [Fact]
    public void DemoProfileHasThreeScaledAutosomesAndSmallerSexChromosomes()
    {
        var autosomes = Autosomes.ToList();
        Assert.Equal(3, autosomes.Count);
        Assert.All(autosomes, r => Assert.InRange(r.Bases.Length, 1_500_000, 2_500_000));
        Assert.True(autosomes[0].Bases.Length > autosomes[2].Bases.Length, "chr1 should stay longer than chr3, as in GRCh38.");
        double mean = autosomes.Average(r => r.Bases.Length);
        Assert.All(data.Records.Where(r => r.Accession is "NC_000023.11" or "NC_000024.10"), r => Assert.True(r.Bases.Length < mean));
    }

    [Fact]
    public void CompositionLooksHuman()
    {
        foreach (FastaRecord record in Autosomes)
        {
            string upper = record.Bases.ToUpperInvariant();
            long a = upper.Count(c => c == 'A'), c = upper.Count(c => c == 'C'), g = upper.Count(c => c == 'G'), t = upper.Count(c => c == 'T');
            double plain = a + c + g + t;
            Assert.InRange((c + g) / plain, 0.37, 0.45);
            Assert.InRange((double)c / g, 0.9, 1.1);

            int cpg = 0;
            for (int i = 0; i + 1 < upper.Length; i++)
            {
                cpg += upper[i] == 'C' && upper[i + 1] == 'G' ? 1 : 0;
            }

            double observedOverExpected = cpg / (c * (double)g / plain);
            Assert.InRange(observedOverExpected, 0.15, 0.32);

            double lower = record.Bases.Count(char.IsLower) / (double)record.Bases.Length;
            Assert.InRange(lower, 0.15, 0.5);
        }
    }

    [Fact]
    public void GcVariesBetweenRegions()
    {
        string chr1 = data.ChromosomeByName["chr1"];
        var gc = new List<double>();
        for (int at = 20_000; at + 100_000 < chr1.Length - 20_000; at += 100_000)
        {
            var window = chr1.AsSpan(at, 100_000);
            int strong = 0, plain = 0;
            foreach (char ch in window)
            {
                strong += ch is 'C' or 'G' ? 1 : 0;
                plain += ch is 'A' or 'C' or 'G' or 'T' ? 1 : 0;
            }

            if (plain > 50_000)
            {
                gc.Add((double)strong / plain);
            }
        }

        double mean = gc.Average();
        double sd = Math.Sqrt(gc.Average(x => (x - mean) * (x - mean)));
        Assert.True(sd > 0.01, $"GC across 100-kb windows should vary (isochores); sd was {sd:F4}.");
    }

    [Fact]
    public void TelomereAndCentromereGapsAndIupacCodesArePresent()
    {
        foreach (FastaRecord record in Autosomes)
        {
            string bases = record.Bases;
            Assert.Equal(new string('N', 10_000), bases[..10_000]);
            Assert.Equal(new string('N', 10_000), bases[^10_000..]);
            Assert.NotEqual('N', bases[10_000]);
            Assert.NotEqual('N', bases[^10_001]);
            var centromere = Regex.Matches(bases[10_001..^10_001], "N{5000,}");
            Assert.Single(centromere);
            int iupac = bases.Count(ch => "RYKMSWBDHVrykmswbdhv".Contains(ch));
            Assert.InRange(iupac, 1, 10);
            Assert.DoesNotContain(bases, ch => !"ACGTNacgtnRYKMSWBDHV".Contains(ch));
        }
    }
}
