using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Synthesis;

namespace HyenaFlow.Bench;

/// <summary>
/// Import speed of a gzip FASTA against plain gzip decompression of the same file, and peak memory while importing.
/// Two inputs: the GRCh38 stand-in of <c>data synth</c> (isochores, repeats, N gaps, soft-masking) compressed at gzip's
/// default level as NCBI and UCSC publish it — the figure the goal is about — and uniformly random bases compressed
/// at the fastest level, the worst case for inflate (no repeats to copy, every byte a decoded literal or short match).
/// </summary>
public sealed class GenomeImportBench : IBenchmark
{
    public string Name => "genome-import";

    public string Description => "FASTA.gz → genome store: MB/s of sequence vs pure gzip decompression (goal ≥ 200 MB/s), peak memory";

    public Task RunAsync(TextWriter output)
    {
        string folder = GenomeBenchData.TempFolder("import");
        try
        {
            Warmup(folder);
            string realistic = RealisticGenome(folder);
            Measure(output, "GRCh38 stand-in (data synth: 22 autosomes), gzip default level", realistic, folder, isGoal: true);
            output.WriteLine();
            string random = RandomGenome(folder);
            Measure(output, "uniformly random bases, gzip fastest level (worst case)", random, folder, isGoal: false);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    // So that the timed runs use fully optimised code (tiered JIT starts unoptimised).
    private static void Warmup(string folder)
    {
        string warmup = Path.Combine(folder, "warmup.fa.gz");
        using (var file = File.Create(warmup))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            GenomeBenchData.WriteFasta(gzip, chromosomes: 2, basesPerChromosome: 2_000_000, seed: 9);
        }

        for (int i = 0; i < 3; i++)
        {
            FastaImporter.Import(warmup, Path.Combine(folder, "warmup.hfg"));
        }
    }

    private static string RealisticGenome(string folder)
    {
        var options = SynthesisOptions.For(SynthesisProfile.Demo, seed: 1) with { AutosomeCount = 22, MeanAutosomeLength = 7_000_000 };
        string synth = Path.Combine(folder, "synth");
        SyntheticDataGenerator.Generate(options, synth);
        string fasta = Path.Combine(folder, "grch38-like.fna.gz");
        using (var source = new GZipStream(File.OpenRead(Path.Combine(synth, SyntheticDataGenerator.GenomeFile)), CompressionMode.Decompress))
        using (var file = File.Create(fasta))
        {
            using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
            {
                source.CopyTo(gzip);
            }

            file.Flush(flushToDisk: true);
        }

        Directory.Delete(synth, recursive: true);
        return fasta;
    }

    private static string RandomGenome(string folder)
    {
        string fasta = Path.Combine(folder, "random.fa.gz");
        using var file = File.Create(fasta);
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
        {
            GenomeBenchData.WriteFasta(gzip, chromosomes: 10, basesPerChromosome: 15_000_000, seed: 1);
        }

        // On disk before timing starts: the import's own fsync must not pay for the generator's write-back.
        file.Flush(flushToDisk: true);
        return fasta;
    }

    private static void Measure(TextWriter output, string label, string fasta, string folder, bool isGoal)
    {
        // The plain text of the same file, for parsing and packing alone (it stays in the page cache).
        string plain = Path.ChangeExtension(fasta, null);
        long textBytes;
        using (var source = new GZipStream(File.OpenRead(fasta), CompressionMode.Decompress))
        using (var file = File.Create(plain))
        {
            source.CopyTo(file);
            textBytes = file.Length;
            file.Flush(flushToDisk: true);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input: {label}: {textBytes / 1e6:N0} MB FASTA text, {new FileInfo(fasta).Length / 1e6:N0} MB gzip"));

        // Reference: what decompression alone costs, measured on the same file in this run.
        var clock = Stopwatch.StartNew();
        long decompressed = 0;
        using (var gzip = new GZipStream(File.OpenRead(fasta), CompressionMode.Decompress))
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                decompressed += read;
            }
        }

        double gunzipSeconds = clock.Elapsed.TotalSeconds;
        GC.Collect(); // the generator's garbage must not count as the import's memory
        GC.WaitForPendingFinalizers();
        bool windowed = GenomeBenchData.ResetPeakMemory();
        clock.Restart();
        var all = new GenomeImportOptions { Keep = ChromosomeSelection.Primary };
        GenomeImportSummary summary = FastaImporter.Import(fasta, Path.Combine(folder, "genome.hfg"), all);
        double importSeconds = clock.Elapsed.TotalSeconds;
        double peak = GenomeBenchData.PeakMemoryMb();

        clock.Restart();
        FastaImporter.Import(plain, Path.Combine(folder, "plain.hfg"), all);
        double plainSeconds = clock.Elapsed.TotalSeconds;

        double gunzipRate = decompressed / 1e6 / gunzipSeconds;
        double importRate = summary.TextBytes / 1e6 / importSeconds;
        double plainRate = textBytes / 1e6 / plainSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gzip decompression only : {gunzipRate,8:N0} MB/s of sequence ({gunzipSeconds:N2} s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import of the gzip file   : {importRate,8:N0} MB/s of sequence ({importSeconds:N2} s; inflate + parse + pack + write on one core)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import of the plain file  : {plainRate,8:N0} MB/s of sequence ({plainSeconds:N2} s; parse + pack + write on one core)"));
        string goal = isGoal ? $"; goal ≥ 200 MB/s of sequence per core: {(importRate >= 200 ? "met" : "NOT met")}" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio import / decompression: {importRate / gunzipRate:N2} (1.00 = import as fast as gunzip alone){goal}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {new FileInfo(summary.StorePath).Length / 1e6:N1} MB for {summary.Stats.Total.Total / 1e6:N0} M bases ({summary.Stats.Total.N / 1e6:N1} M N)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory during import: {peak:N0} MB{(windowed ? "" : " (process peak so far; VmHWM reset unavailable)")}"));
        File.Delete(plain);
    }
}
