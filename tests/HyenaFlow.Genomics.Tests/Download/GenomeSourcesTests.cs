using System.Diagnostics;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Download;

public sealed class GenomeSourcesTests : IAsyncLifetime
{
    private readonly LocalHttpServer server = new();
    private readonly TempDirectory temp = new("genome-download");
    private readonly byte[] fasta = DownloadTestData.GzipFasta(seed: 5);
    private readonly HttpDownloader downloader = new(DownloadTestData.QuickOptions());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        downloader.Dispose();
        await server.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task NcbiFolderIsCheckedAgainstItsMd5Listing()
    {
        const string folder = "genomes/all/GCF/000/001/405/GCF_000001405.40_GRCh38.p14/";
        server.Serve(folder + GenomeSources.NcbiFile, fasta);
        server.Serve(folder + "md5checksums.txt",
            $"0123456789abcdef0123456789abcdef  ./README.txt\n{DownloadTestData.Md5(fasta)}  ./{GenomeSources.NcbiFile}\n");

        DownloadResult result = await Sources().DownloadAsync("ncbi", temp.File("grch38.fna.gz"));

        Assert.Equal(fasta, File.ReadAllBytes(result.Path));
        Assert.Equal($"md5 {DownloadTestData.Md5(fasta)}", result.VerifiedChecksum);
    }

    [Fact]
    public async Task NcbiMd5MismatchLeavesNoFile()
    {
        const string folder = "genomes/all/GCF/000/001/405/GCF_000001405.40_GRCh38.p14/";
        server.Serve(folder + GenomeSources.NcbiFile, fasta);
        server.Serve(folder + "md5checksums.txt", $"ffffffffffffffffffffffffffffffff  ./{GenomeSources.NcbiFile}\n");

        var error = await Assert.ThrowsAsync<DownloadException>(() => Sources().DownloadAsync("ncbi", temp.File("grch38.fna.gz")));

        Assert.Contains("md5 mismatch", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task UcscFolderIsCheckedAgainstMd5SumTxt()
    {
        server.Serve("goldenPath/hg38/bigZips/hg38.fa.gz", fasta);
        server.Serve("goldenPath/hg38/bigZips/md5sum.txt", $"{DownloadTestData.Md5(fasta)}  hg38.fa.gz\n");

        DownloadResult result = await Sources().DownloadAsync("ucsc", temp.File("hg38.fa.gz"));

        Assert.Equal(fasta, File.ReadAllBytes(result.Path));
    }

    [Fact]
    public async Task EnsemblFolderIsCheckedAgainstChecksumsWrittenByTheRealSumCommand()
    {
        string published = temp.File("published.fa.gz");
        File.WriteAllBytes(published, fasta);
        string sum = RunSum(published);
        server.Serve("pub/release-113/fasta/homo_sapiens/dna/" + GenomeSources.EnsemblFile, fasta);
        server.Serve("pub/release-113/fasta/homo_sapiens/dna/CHECKSUMS", $"12345 67 Homo_sapiens.GRCh38.dna.alt.fa.gz\n{sum} {GenomeSources.EnsemblFile}\n");

        DownloadResult result = await Sources().DownloadAsync("ensembl", temp.File("ensembl.fa.gz"));

        Assert.Equal(fasta, File.ReadAllBytes(result.Path));
        string[] fields = sum.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"bsd-sum {fields[0]} {fields[1]}", result.VerifiedChecksum);
    }

    [Fact]
    public async Task EnsemblSumMismatchFails()
    {
        server.Serve("pub/release-113/fasta/homo_sapiens/dna/" + GenomeSources.EnsemblFile, fasta);
        server.Serve("pub/release-113/fasta/homo_sapiens/dna/CHECKSUMS", $"00001 1 {GenomeSources.EnsemblFile}\n");

        var error = await Assert.ThrowsAsync<DownloadException>(() => Sources().DownloadAsync("ensembl", temp.File("ensembl.fa.gz")));

        Assert.Contains("bsd-sum mismatch", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task ListingWithoutTheFileIsAFormatError()
    {
        server.Serve("goldenPath/hg38/bigZips/md5sum.txt", "0123456789abcdef0123456789abcdef  hg19.fa.gz\n");

        var error = await Assert.ThrowsAsync<DataFormatException>(() => Sources().DownloadAsync("ucsc", temp.File("hg38.fa.gz")));

        Assert.Contains("no checksum listed for hg38.fa.gz", error.Message);
    }

    [Fact]
    public async Task LiteralUrlIsCheckedOnlyAgainstAGivenMd5()
    {
        server.Serve("mirror/genome.fa.gz", fasta);

        DownloadResult withoutMd5 = await Sources().DownloadAsync(server.Url("mirror/genome.fa.gz").ToString(), temp.File("a.fa.gz"));
        DownloadResult withMd5 = await Sources().DownloadAsync(server.Url("mirror/genome.fa.gz").ToString(), temp.File("b.fa.gz"), DownloadTestData.Md5(fasta).ToUpperInvariant());

        Assert.Null(withoutMd5.VerifiedChecksum);
        Assert.Equal($"md5 {DownloadTestData.Md5(fasta)}", withMd5.VerifiedChecksum);
        await Assert.ThrowsAsync<DownloadException>(() => Sources().DownloadAsync(server.Url("mirror/genome.fa.gz").ToString(), temp.File("c.fa.gz"), new string('a', 32)));
    }

    [Fact]
    public async Task UnknownSourceIsRefused()
    {
        Assert.False(GenomeSources.IsValidSource("gencode"));
        Assert.True(GenomeSources.IsValidSource("NCBI"));
        await Assert.ThrowsAsync<ArgumentException>(() => Sources().ResolveAsync("gencode", temp.File("x")));
    }

    [Fact]
    public void BaseUrlsComeFromTheEnvironment()
    {
        var variables = new Dictionary<string, string?> { [GenomeSourceOptions.NcbiBaseVariable] = "http://127.0.0.1:9/ncbi" };

        GenomeSourceOptions options = GenomeSourceOptions.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal(new Uri("http://127.0.0.1:9/ncbi/"), options.NcbiBase);
        Assert.Equal(GenomeSourceOptions.DefaultUcscBase, options.UcscBase);
    }

    private GenomeSources Sources() => new(downloader, new GenomeSourceOptions
    {
        NcbiBase = server.Url("genomes/all/GCF/000/001/405/GCF_000001405.40_GRCh38.p14/"),
        UcscBase = server.Url("goldenPath/hg38/bigZips/"),
        EnsemblBase = server.Url("pub/release-113/fasta/homo_sapiens/dna/"),
    });

    private static string RunSum(string path)
    {
        var start = new ProcessStartInfo("sum") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        string[] fields = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return $"{fields[0]} {fields[1]}";
    }
}
