using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Bench;

/// <summary>Import speed of a gzip FASTA against plain gzip decompression of the same file, and peak memory while importing.</summary>
public sealed class GenomeImportBench : IBenchmark
{
    public string Name => "genome-import";

    public string Description => "FASTA.gz → genome store: MB/s of sequence vs pure gzip decompression (goal ≥ 200 MB/s), peak memory";

    public Task RunAsync(TextWriter output)
    {
        string folder = GenomeBenchData.TempFolder("import");
        try
        {
            string fasta = Path.Combine(folder, "synthetic.fa.gz");
            long textBytes;
            using (var file = File.Create(fasta))
            {
                using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                {
                    textBytes = GenomeBenchData.WriteFasta(gzip, chromosomes: 10, basesPerChromosome: 15_000_000, seed: 1);
                }

                // On disk before timing starts: the import's own fsync must not pay for the generator's write-back.
                file.Flush(flushToDisk: true);
            }

            long fileBytes = new FileInfo(fasta).Length;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input: {textBytes / 1e6:N0} MB FASTA text, {fileBytes / 1e6:N0} MB gzip (Fastest)"));

            // Warm-up so that the timed runs use fully optimised code (tiered JIT starts unoptimised).
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
            bool windowed = GenomeBenchData.ResetPeakMemory();
            clock.Restart();
            GenomeImportSummary summary = FastaImporter.Import(fasta, Path.Combine(folder, "genome.hfg"), new GenomeImportOptions { Keep = ChromosomeSelection.Primary });
            double importSeconds = clock.Elapsed.TotalSeconds;
            double peak = GenomeBenchData.PeakMemoryMb();

            // Parsing and packing alone: the same text uncompressed (the file is in the page cache).
            string plain = Path.Combine(folder, "synthetic.fa");
            using (var file = File.Create(plain))
            {
                GenomeBenchData.WriteFasta(file, chromosomes: 10, basesPerChromosome: 15_000_000, seed: 1);
                file.Flush(flushToDisk: true);
            }

            clock.Restart();
            FastaImporter.Import(plain, Path.Combine(folder, "plain.hfg"), new GenomeImportOptions { Keep = ChromosomeSelection.Primary });
            double plainSeconds = clock.Elapsed.TotalSeconds;
            double plainRate = textBytes / 1e6 / plainSeconds;

            double gunzipRate = decompressed / 1e6 / gunzipSeconds;
            double importRate = summary.TextBytes / 1e6 / importSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gzip decompression only : {gunzipRate,8:N0} MB/s of sequence ({gunzipSeconds:N2} s)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import of the gzip file   : {importRate,8:N0} MB/s of sequence ({importSeconds:N2} s; inflate + parse + pack + write on one core)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import of the plain file  : {plainRate,8:N0} MB/s of sequence ({plainSeconds:N2} s; parse + pack + write on one core)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio import / decompression: {importRate / gunzipRate:N2} (1.00 = import as fast as gunzip alone); goal ≥ 200 MB/s of sequence per core for the gzip file: {(importRate >= 200 ? "met" : "NOT met")}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {new FileInfo(summary.StorePath).Length / 1e6:N1} MB for {summary.Stats.Total.Total / 1e6:N0} M bases ({summary.Stats.Total.N / 1e6:N1} M N)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory during import: {peak:N0} MB{(windowed ? "" : " (process peak so far; VmHWM reset unavailable)")}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
