using System.Diagnostics;
using System.Globalization;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Bench;

/// <summary>
/// The whole-GRCh38 memory budget: 22 autosomes at their real lengths (2.88 Gbp) imported into one
/// store, then random 32 kb windows read from every chromosome, with resident memory measured
/// against the 1 GB goal and against the store's own size.
/// </summary>
public sealed class GenomeScaleBench : IBenchmark
{
    // GRCh38 autosome lengths (formats.md); the store must hold all of them within 1 GB resident.
    private static readonly long[] AutosomeLengths =
    [
        248_956_422, 242_193_529, 198_295_559, 190_214_555, 181_538_259, 170_805_979, 159_345_973, 145_138_636,
        138_394_717, 133_797_422, 135_086_622, 133_275_309, 114_364_328, 107_043_718, 101_991_189, 90_338_345,
        83_257_441, 80_373_285, 58_617_616, 64_444_167, 46_709_983, 50_818_468,
    ];

    public string Name => "genome-grch38-scale";

    public string Description => "import + random access of a GRCh38-sized genome (2.88 Gbp): resident memory vs the 1 GB goal (needs ~7 GB of temp disk)";

    public Task RunAsync(TextWriter output)
    {
        string folder = GenomeBenchData.TempFolder("scale");
        try
        {
            string fasta = Path.Combine(folder, "grch38-sized.fa");
            var clock = Stopwatch.StartNew();
            using (var file = new FileStream(fasta, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                WriteAutosomes(file);
            }

            double writeSeconds = clock.Elapsed.TotalSeconds;
            long fastaBytes = new FileInfo(fasta).Length;
            GenomeBenchData.ResetPeakMemory();
            clock.Restart();
            string store = Path.Combine(folder, "genome.hfg");
            FastaImporter.Import(fasta, store);
            double importSeconds = clock.Elapsed.TotalSeconds;
            double importPeak = GenomeBenchData.PeakMemoryMb();
            File.Delete(fasta);

            GenomeBenchData.ResetPeakMemory();
            clock.Restart();
            long basesRead = ReadEverywhere(store, windows: 200_000, windowLength: 32_768);
            double readSeconds = clock.Elapsed.TotalSeconds;
            double readPeak = GenomeBenchData.PeakMemoryMb();
            double storeMb = new FileInfo(store).Length / 1048576.0;

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FASTA {fastaBytes / 1e9:N2} GB written in {writeSeconds:N0} s; imported in {importSeconds:N0} s ({fastaBytes / 1e6 / importSeconds:N0} MB/s plain text)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store {storeMb:N0} MB = {storeMb * 1048576 * 8 / AutosomeLengths.Sum():N2} bits per base"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory, import : {importPeak,6:N0} MB = {importPeak / 1024:N2} of the 1 GB goal"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory, reading: {readPeak,6:N0} MB = {readPeak / 1024:N2} of the 1 GB goal, {readPeak / storeMb:N2}× the store size ({basesRead / 1e9:N1} Gbp read in {readSeconds:N1} s)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static void WriteAutosomes(Stream output)
    {
        const int width = 60;
        var random = new Random(38);
        var raw = new byte[1 << 20];
        var line = new byte[width + 1];
        line[width] = (byte)'\n';
        ReadOnlySpan<byte> letters = "ACGTacgt"u8;
        for (int c = 0; c < AutosomeLengths.Length; c++)
        {
            output.Write(System.Text.Encoding.ASCII.GetBytes($">chr{c + 1}\n"));
            long length = AutosomeLengths[c];
            int used = raw.Length;
            for (long done = 0; done < length; done += width)
            {
                int count = (int)Math.Min(width, length - done);
                if (used + count > raw.Length)
                {
                    random.NextBytes(raw);
                    used = 0;
                }

                // A telomere-like N run at each end, as in the real assembly.
                bool unknown = done < 10_000 || done >= length - 10_000;
                for (int i = 0; i < count; i++)
                {
                    line[i] = unknown ? (byte)'N' : letters[raw[used + i] & 7];
                }

                used += count;
                line[count] = (byte)'\n';
                output.Write(line, 0, count + 1);
            }
        }
    }

    private static long ReadEverywhere(string store, int windows, int windowLength)
    {
        using GenomeStore genome = GenomeStore.Open(store);
        var random = new Random(7);
        var buffer = new byte[windowLength];
        long total = 0;
        for (int i = 0; i < windows; i++)
        {
            ChromosomeInfo chromosome = genome.Chromosomes[random.Next(genome.Chromosomes.Count)];
            genome.Read(chromosome.Name, random.NextInt64(chromosome.Length - windowLength), buffer);
            total += windowLength;
        }

        return total;
    }
}
