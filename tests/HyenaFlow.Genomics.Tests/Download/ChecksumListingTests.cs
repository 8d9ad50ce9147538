using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Genomics.Tests.Download;

public sealed class ChecksumListingTests
{
    [Fact]
    public void ReadsNcbiAndUcscMd5Listings()
    {
        const string text = "8d2a9d0c6b1bba0ffb2a1e6bb2fb2b8b  ./GCF_000001405.40_GRCh38.p14_genomic.fna.gz\r\n"
            + "\n"
            + "0123456789ABCDEF0123456789abcdef *hg38.fa.gz\n";

        var listing = ChecksumListing.ParseMd5Sums(text, "md5checksums.txt");

        Assert.Equal("8d2a9d0c6b1bba0ffb2a1e6bb2fb2b8b", listing["GCF_000001405.40_GRCh38.p14_genomic.fna.gz"].Hex);
        Assert.Equal("0123456789abcdef0123456789abcdef", listing["hg38.fa.gz"].Hex);
    }

    [Fact]
    public void ReadsEnsemblBsdSums()
    {
        var listing = ChecksumListing.ParseBsdSums("08403 1 Homo_sapiens.GRCh38.dna_sm.primary_assembly.fa.gz\n51230 912345 README\n", "CHECKSUMS");

        Assert.Equal(ExpectedChecksum.BsdSum(8403, 1), listing["Homo_sapiens.GRCh38.dna_sm.primary_assembly.fa.gz"]);
        Assert.Equal("51230 912345", listing["README"].Value);
    }

    [Fact]
    public void ReportsTheBadLine()
    {
        var error = Assert.Throws<DataFormatException>(() => ChecksumListing.ParseMd5Sums("0123456789abcdef0123456789abcdef  a\nnot-a-hash  b\n", "md5sum.txt"));
        Assert.Equal(2, error.Line);
        Assert.Contains("md5sum.txt:2:", error.Message);

        var bsd = Assert.Throws<DataFormatException>(() => ChecksumListing.ParseBsdSums("70000 1 x\n", "CHECKSUMS"));
        Assert.Equal(1, bsd.Line);
    }

    [Fact]
    public void MissingEntryNamesTheListing()
    {
        var listing = ChecksumListing.ParseMd5Sums("0123456789abcdef0123456789abcdef  a\n", "md5sum.txt");
        var error = Assert.Throws<DataFormatException>(() => ChecksumListing.Find(listing, "hg38.fa.gz", "md5sum.txt"));
        Assert.Contains("no checksum listed for hg38.fa.gz", error.Message);
    }
}
