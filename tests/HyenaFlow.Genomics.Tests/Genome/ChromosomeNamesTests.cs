using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Tests.Genome;

public sealed class ChromosomeNamesTests
{
    [Theory]
    [InlineData(">NC_000001.11 Homo sapiens chromosome 1, GRCh38.p14 Primary Assembly", "chr1")]
    [InlineData(">NC_000022.11 Homo sapiens chromosome 22, GRCh38.p14 Primary Assembly", "chr22")]
    [InlineData(">NC_000023.11 Homo sapiens chromosome X, GRCh38.p14 Primary Assembly", "chrX")]
    [InlineData(">NC_000024.10 Homo sapiens chromosome Y, GRCh38.p14 Primary Assembly", "chrY")]
    [InlineData(">NC_012920.1 Homo sapiens mitochondrion, complete genome", "chrM")]
    [InlineData(">NT_187361.1 Homo sapiens chromosome 1 unlocalized genomic scaffold", "NT_187361.1")]
    [InlineData(">NC_000001.10 Homo sapiens chromosome 1, GRCh37.p13 Primary Assembly", "NC_000001.10")]
    [InlineData(">chr1", "chr1")]
    [InlineData(">chrX", "chrX")]
    [InlineData(">chrM", "chrM")]
    [InlineData(">chr1_KI270706v1_random", "chr1_KI270706v1_random")]
    [InlineData(">chrUn_KI270302v1", "chrUn_KI270302v1")]
    [InlineData(">chr6_GL000250v2_alt", "chr6_GL000250v2_alt")]
    [InlineData(">1 dna:chromosome chromosome:GRCh38:1:1:248956422:1 REF", "chr1")]
    [InlineData(">22 dna:chromosome chromosome:GRCh38:22:1:50818468:1 REF", "chr22")]
    [InlineData(">X dna:chromosome chromosome:GRCh38:X:1:156040895:1 REF", "chrX")]
    [InlineData(">MT dna:chromosome chromosome:GRCh38:MT:1:16569:1 REF", "chrM")]
    [InlineData(">KI270728.1 dna:scaffold scaffold:GRCh38:KI270728.1:1:1872759:1 REF", "KI270728.1")]
    [InlineData("chr2\tsome description", "chr2")]
    public void HeadersOfAllThreeSourcesMapToOneNaming(string header, string expected) =>
        Assert.Equal(expected, ChromosomeNames.FromHeader(header));

    [Theory]
    [InlineData("chr1", SequenceKind.Autosome)]
    [InlineData("chr22", SequenceKind.Autosome)]
    [InlineData("chrX", SequenceKind.SexChromosome)]
    [InlineData("chrY", SequenceKind.SexChromosome)]
    [InlineData("chrM", SequenceKind.Mitochondrion)]
    [InlineData("chr23", SequenceKind.Other)]
    [InlineData("chr1_KI270706v1_random", SequenceKind.Other)]
    [InlineData("chrUn_KI270302v1", SequenceKind.Other)]
    [InlineData("chr6_GL000250v2_alt", SequenceKind.Other)]
    [InlineData("chr1_KN196472v1_fix", SequenceKind.Other)]
    public void ScaffoldsAltAndPatchesAreNeverAutosomes(string name, SequenceKind kind) =>
        Assert.Equal(kind, ChromosomeNames.Kind(name));

    [Fact]
    public void SelectionsKeepWhatTheySay()
    {
        Assert.True(ChromosomeSelection.Autosomes.Includes("chr7"));
        Assert.False(ChromosomeSelection.Autosomes.Includes("chrX"));
        Assert.False(ChromosomeSelection.Autosomes.Includes("chr1_KI270706v1_random"));
        Assert.True(ChromosomeSelection.Primary.Includes("chrM"));
        Assert.False(ChromosomeSelection.Primary.Includes("chrUn_KI270302v1"));

        ChromosomeSelection list = ChromosomeSelection.Parse("1, chrX,NC_012920.1,chrUn_KI270302v1");
        Assert.Equal(["chr1", "chrX", "chrM", "chrUn_KI270302v1"], list.ExplicitNames);
        Assert.True(list.Includes("chrUn_KI270302v1"));
        Assert.False(list.Includes("chr2"));
        Assert.Same(ChromosomeSelection.Autosomes, ChromosomeSelection.Parse("Autosomes"));
        Assert.Same(ChromosomeSelection.Primary, ChromosomeSelection.Parse("primary"));
        Assert.Throws<FormatException>(() => ChromosomeSelection.Parse(" "));
    }
}
