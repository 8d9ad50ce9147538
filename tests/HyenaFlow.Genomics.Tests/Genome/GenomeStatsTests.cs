using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Tests.Genome;

public sealed class GenomeStatsTests
{
    [Fact]
    public void TableListsEveryBaseAndTheTotal()
    {
        using var genome = InMemoryGenome.FromStrings(("chr1", "AACGTN"), ("chr2", "NNNNTT"));
        GenomeStats stats = GenomeStats.Count(genome);

        Assert.Equal(new BaseCounts(2, 1, 1, 3, 5, 0), stats.Total);
        string[] lines = stats.ToTable().Split('\n');
        Assert.StartsWith("Nucleotide", lines[0]);
        Assert.Matches(@"^A\s+2\s+2\s+16\.67%$", lines[1]);
        Assert.Matches(@"^N\s+5\s+5\s+41\.67%$", lines[5]);
        Assert.Matches(@"^Total\s+12\s+12\s+100\.00%$", lines[7]);
    }

    [Theory]
    [InlineData(867_123_456L, "~867M")]
    [InlineData(3_088_269_832L, "~3.1B")]
    [InlineData(151_000_000L, "~151M")]
    [InlineData(12_345L, "~12K")]
    [InlineData(999L, "999")]
    public void CountsRoundLikeTheThesis(long count, string expected) =>
        Assert.Equal(expected, GenomeStats.Approximate(count));
}
