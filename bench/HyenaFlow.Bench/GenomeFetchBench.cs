using System.Diagnostics;
using System.Globalization;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Bench;

/// <summary>Random 32 kb fetches from the genome store against <c>samtools faidx -r</c> on the same regions, and peak memory while fetching.</summary>
public sealed class GenomeFetchBench : IBenchmark
{
    private const int RegionLength = 32_000;
    private const int Fetches = 20_000;

    public string Name => "genome-fetch";

    public string Description => "random 32 kb fetches: genome store vs samtools faidx -r (goal ≥ 2× faster), peak memory";

    public Task RunAsync(TextWriter output)
    {
        string folder = GenomeBenchData.TempFolder("fetch");
        try
        {
            const int chromosomes = 8;
            const int length = 10_000_000;
            string fasta = Path.Combine(folder, "synthetic.fa");
            using (var file = File.Create(fasta))
            {
                GenomeBenchData.WriteFasta(file, chromosomes, length, seed: 2);
            }

            string store = Path.Combine(folder, "genome.hfg");
            FastaImporter.Import(fasta, store);
            string clean = Path.Combine(folder, "clean.fa");
            using (GenomeStore genome = GenomeStore.Open(store))
            {
                FastaWriter.WriteFile(clean, genome);
            }

            Run("samtools", "faidx", clean); // index building is not part of the timing

            var random = new Random(3);
            var regions = Enumerable.Range(0, Fetches).Select(_ =>
            {
                int start = random.Next(1, length - RegionLength + 2);
                return new FaidxRegionText($"chr{random.Next(1, chromosomes + 1)}", start, start + RegionLength - 1);
            }).ToArray();
            string regionsFile = Path.Combine(folder, "regions.txt");
            File.WriteAllLines(regionsFile, regions.Select(r => r.ToString()));

            // Correctness on a sample: both outputs must be byte-identical.
            string sampleFile = Path.Combine(folder, "sample.txt");
            File.WriteAllLines(sampleFile, regions.Take(300).Select(r => r.ToString()));
            string samtoolsSample = Path.Combine(folder, "samtools.fa");
            Run("samtools", "faidx", "-r", sampleFile, "-o", samtoolsSample, clean);
            string oursSample = Path.Combine(folder, "hyenaflow.fa");
            Fetch(store, regions.Take(300), oursSample);
            bool identical = File.ReadAllBytes(samtoolsSample).AsSpan().SequenceEqual(File.ReadAllBytes(oursSample));

            // Speed: all regions, both writing to /dev/null so that disk writes do not dominate.
            var clock = Stopwatch.StartNew();
            Run("samtools", "faidx", "-r", regionsFile, "-o", "/dev/null", clean);
            double samtoolsSeconds = clock.Elapsed.TotalSeconds;
            bool windowed = GenomeBenchData.ResetPeakMemory();
            clock.Restart();
            Fetch(store, regions, "/dev/null");
            double oursSeconds = clock.Elapsed.TotalSeconds;
            double peak = GenomeBenchData.PeakMemoryMb();

            double samtoolsRate = Fetches / samtoolsSeconds;
            double oursRate = Fetches / oursSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Fetches:N0} random {RegionLength / 1000} kb regions over {chromosomes} × {length / 1e6:N0} Mb"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"samtools faidx -r   : {samtoolsRate,9:N0} fetches/s ({samtoolsSeconds:N2} s, incl. process start)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hyenaflow store     : {oursRate,9:N0} fetches/s ({oursSeconds:N2} s, incl. opening the store, output to /dev/null)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio store / samtools: {oursRate / samtoolsRate:N2}× (goal ≥ 2×: {(oursRate >= 2 * samtoolsRate ? "met" : "NOT met")}); outputs byte-identical (300-region sample): {identical}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory during fetching: {peak:N0} MB{(windowed ? "" : " (process peak so far; VmHWM reset unavailable)")}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static void Fetch(string store, IEnumerable<FaidxRegionText> regions, string outputPath)
    {
        using GenomeStore genome = GenomeStore.Open(store);
        using var output = new FileStream(outputPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite, 1 << 20);
        foreach (FaidxRegionText r in regions)
        {
            FastaWriter.WriteRecord(output, r.ToString(), genome, r.Chrom, r.Start - 1, RegionLength);
        }
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {error}");
        }
    }

    private readonly record struct FaidxRegionText(string Chrom, int Start, int End)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Chrom}:{Start}-{End}");
    }
}
