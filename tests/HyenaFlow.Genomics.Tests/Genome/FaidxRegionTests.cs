using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Tests.Genome;

public sealed class FaidxRegionTests
{
    private static readonly InMemoryGenome Genome = InMemoryGenome.FromStrings(("chr1", new string('A', 22)), ("chr2", "ACGT"));

    [Theory]
    [InlineData("chr1", "chr1", 0, 22, false)]
    [InlineData("chr1:3-5", "chr1", 2, 5, false)]
    [InlineData("chr1:3", "chr1", 2, 22, false)]
    [InlineData("chr1:3-", "chr1", 2, 22, false)]
    [InlineData("chr1:1-1", "chr1", 0, 1, false)]
    [InlineData("chr1:22-22", "chr1", 21, 22, false)]
    [InlineData("chr1:15-40", "chr1", 14, 22, true)]
    [InlineData("chr1:30-40", "chr1", 22, 22, true)]
    [InlineData("chr2:1,000-2,000", "chr2", 4, 4, true)]
    public void RegionsResolveAsSamtoolsReadsThem(string text, string chrom, long start, long end, bool truncated) =>
        Assert.Equal(new FaidxRegion(text, chrom, start, end, truncated), FaidxRegion.Resolve(text, Genome));

    [Theory]
    [InlineData("chr1:0-5")]
    [InlineData("chr1:5-3")]
    [InlineData("chr1:x-3")]
    [InlineData("chr1:")]
    public void MalformedRangesAreFormatErrors(string text) =>
        Assert.Throws<FormatException>(() => FaidxRegion.Resolve(text, Genome));

    [Theory]
    [InlineData("chr3")]
    [InlineData("chr3:1-5")]
    public void UnknownSequencesAreArgumentErrors(string text) =>
        Assert.Contains("chr3", Assert.Throws<ArgumentException>(() => FaidxRegion.Resolve(text, Genome)).Message);
}
