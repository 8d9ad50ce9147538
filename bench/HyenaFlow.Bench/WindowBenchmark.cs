using System.Diagnostics;
using System.Globalization;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tokenization;
using HyenaFlow.Genomics.Windows;

namespace HyenaFlow.Bench;

/// <summary>
/// Algorithm 1 + tokenization on one thread at L = 1,024 and 32,768 (goals 100,000/s and 5,000/s), against
/// the upper bound measured in the same run: copying the reference window and tokenizing it. Then the peak
/// memory of a dataset build against the size it writes (streaming keeps the first far below the second).
/// </summary>
public sealed class WindowBenchmark : IBenchmark
{
    private const int ChromosomeLength = 40_000_000;

    public string Name => "windows";

    public string Description => "Algorithm 1 + tokenize throughput (1K, 32K) vs memcpy + tokenize; dataset build peak memory";

    public Task RunAsync(TextWriter output)
    {
        var random = new Random(1);
        byte[] bases = new byte[ChromosomeLength];
        for (int i = 0; i < bases.Length; i++)
        {
            bases[i] = (byte)"ACGT"[random.Next(4)];
        }

        bases.AsSpan(1_000_000, 50_000).Fill((byte)'N');
        using var genome = new InMemoryGenome([KeyValuePair.Create("chr1", bases)]);
        // One mutation per 2 kbp (DepMap lines average far fewer), a third of them indels: a hard case.
        List<Mutation> mutations = Mutations(random, bases, ChromosomeLength / 2_000);

        foreach ((int length, double goal) in new[] { (1_024, 100_000.0), (32_768, 5_000.0) })
        {
            MeasureThroughput(output, genome, mutations, length, goal);
        }

        MeasureDatasetBuild(output, genome, mutations);

        return Task.CompletedTask;
    }

    private static void MeasureThroughput(TextWriter output, InMemoryGenome genome, List<Mutation> mutations, int length, double goal)
    {
        var builder = new MutatedWindowBuilder(genome, length);
        var index = MutationIndex.Create(mutations);
        var tokenizer = CharacterTokenizer.Default;
        var sequence = new byte[length];
        var tokens = new byte[CharacterTokenizer.EncodedLength(length)];
        var applied = new List<Mutation>();
        var random = new Random(7);
        var centres = Enumerable.Range(0, 4096).Select(_ => mutations[random.Next(mutations.Count)]).ToArray();
        long appliedTotal = 0;

        double windows = Rate(i =>
        {
            applied.Clear();
            builder.Build(index, centres[i & 4095], random, sequence, applied);
            tokenizer.Encode(sequence, tokens);
            appliedTotal += applied.Count;
        });
        double copies = Rate(i =>
        {
            Mutation centre = centres[i & 4095];
            long start = Math.Clamp(centre.Pos - 1 - random.Next(length), 0, ChromosomeLength - length);
            genome.Read(centre.Chrom, start, sequence);
            tokenizer.Encode(sequence, tokens);
        });

        string verdict = windows >= goal ? "meets" : "MISSES";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"L={length,6}: Algorithm 1 + tokenize {windows,10:N0} seq/s ({verdict} goal {goal:N0}); memcpy + tokenize {copies,10:N0} seq/s; ratio {windows / copies:F2} of the upper bound"));
    }

    /// <summary>Calls <paramref name="body"/> for about a second after a warm-up; returns calls per second.</summary>
    private static double Rate(Action<int> body)
    {
        for (int i = 0; i < 2_000; i++)
        {
            body(i);
        }

        var clock = Stopwatch.StartNew();
        int n = 0;
        while (clock.ElapsedMilliseconds < 1_000)
        {
            for (int k = 0; k < 256; k++)
            {
                body(n++);
            }
        }

        return n / clock.Elapsed.TotalSeconds;
    }

    private static void MeasureDatasetBuild(TextWriter output, InMemoryGenome genome, List<Mutation> all)
    {
        const int length = 32_768;
        const int lines = 8;
        const int perLine = 300;
        var random = new Random(3);
        var byLine = new Dictionary<string, IReadOnlyList<Mutation>>();
        var selected = new List<SelectedCellLine>();
        for (int l = 0; l < lines; l++)
        {
            string id = $"ACH-{l:D6}";
            var mine = all.Where((_, i) => i % lines == l).Select(m => m with { CellLine = id }).ToList();
            byLine[id] = mine;
            var centres = Enumerable.Range(0, perLine).Select(_ => mine[random.Next(mine.Count)]).Distinct().ToList();
            selected.Add(new SelectedCellLine(id, l % 2 == 0 ? "Lung" : "Lymphoid", l % 2, l < 6 ? Split.Train : Split.Test, centres));
        }

        var selection = new BalancedSelection(["Lung", "Lymphoid"], perLine, 3, selected);
        string dir = Path.Combine(Path.GetTempPath(), $"hyenaflow-bench-{Guid.NewGuid():N}");
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        GC.Collect();
        long before = Math.Max(process.WorkingSet64, process.PeakWorkingSet64);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        try
        {
            DatasetInfo info = DatasetBuilder.Build(genome, selection, id => byLine[id], length, 3, dir);
            clock.Stop();
            process.Refresh();
            long peak = process.PeakWorkingSet64;
            long written = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
            long sequences = info.Splits.Sum(s => s.Sequences);
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dataset build L=32,768: {sequences:N0} seq in {clock.Elapsed.TotalSeconds:F2} s ({sequences / clock.Elapsed.TotalSeconds:N0} seq/s incl. writing); wrote {written / 1e6:F1} MB; " +
                $"peak working set +{(peak - before) / 1e6:F1} MB over the peak before the build ({(double)(peak - before) / written:F3} of the bytes written), {allocated / 1e6:F1} MB allocated"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<Mutation> Mutations(Random random, byte[] bases, int count)
    {
        var list = new List<Mutation>(count);
        for (int i = 0; i < count; i++)
        {
            int pos = random.Next(2, bases.Length - 40);
            string reference = ((char)bases[pos - 1]).ToString();
            int roll = random.Next(3);
            list.Add(roll switch
            {
                0 => new Mutation("L", "chr1", pos, reference, reference + "ACGTACGTAC"[..random.Next(1, 10)], MutationType.INS),
                1 => new Mutation("L", "chr1", pos, System.Text.Encoding.ASCII.GetString(bases, pos - 1, random.Next(2, 30)), reference, MutationType.DEL),
                _ => new Mutation("L", "chr1", pos, reference, reference == "A" ? "C" : "A", MutationType.SNP),
            });
        }

        return [.. list.OrderBy(m => m.Pos)];
    }
}
