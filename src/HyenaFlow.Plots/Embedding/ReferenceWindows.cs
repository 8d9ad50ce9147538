using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Tokenization;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// Reference windows of length L at seeded random starts, the same number from each chosen chromosome
/// (the thesis took its sequences from the first three). Windows that are mostly N (gaps, centromeres)
/// are drawn again: they say nothing about position.
/// </summary>
public static class ReferenceWindows
{
    private const int MaxDraws = 64;

    /// <param name="chromosomes">Names to sample from, in the order points are numbered.</param>
    /// <param name="maxUnknownFraction">A window with a larger share of N is redrawn (up to 64 times, then kept).</param>
    public static EmbeddedSequences Sample(IReferenceGenome genome, IReadOnlyList<string> chromosomes, int length, int perChromosome, int seed,
        double maxUnknownFraction = 0.5, CharacterTokenizer? tokenizer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perChromosome, 1);
        if (chromosomes.Count == 0) throw new ArgumentException("No chromosome to sample reference windows from.", nameof(chromosomes));
        tokenizer ??= CharacterTokenizer.Default;
        var random = new Random(seed);
        var points = new List<EmbeddingPoint>(chromosomes.Count * perChromosome);
        var tokens = new List<byte[]>(points.Capacity);
        var bases = new byte[length];
        foreach (string name in chromosomes)
        {
            ChromosomeInfo chromosome = genome.Find(name)
                ?? throw new ArgumentException($"Chromosome '{name}' is not in the genome (it has {string.Join(", ", genome.Chromosomes.Select(c => c.Name))}).", nameof(chromosomes));
            if (chromosome.Length < length)
                throw new ArgumentException($"Chromosome {name} has {chromosome.Length:N0} bases, fewer than the window length {length:N0}.", nameof(length));
            for (int i = 0; i < perChromosome; i++)
            {
                long start = Draw(genome, chromosome, random, bases, maxUnknownFraction);
                var row = new byte[CharacterTokenizer.EncodedLength(length)];
                tokenizer.Encode(bases, row);
                points.Add(new EmbeddingPoint(points.Count, name, start));
                tokens.Add(row);
            }
        }

        return new EmbeddedSequences(points, tokens);
    }

    /// <summary>The first <paramref name="count"/> chromosomes of the genome, in its own order.</summary>
    public static IReadOnlyList<string> First(IReferenceGenome genome, int count)
    {
        if (genome.Chromosomes.Count < count)
            throw new ArgumentException($"The genome has {genome.Chromosomes.Count} chromosomes; the experiment samples from the first {count}.", nameof(genome));
        return [.. genome.Chromosomes.Take(count).Select(c => c.Name)];
    }

    private static long Draw(IReferenceGenome genome, ChromosomeInfo chromosome, Random random, byte[] bases, double maxUnknownFraction)
    {
        for (int attempt = 0; ; attempt++)
        {
            long start = random.NextInt64(chromosome.Length - bases.Length + 1);
            genome.Read(chromosome.Name, start, bases);
            int unknown = bases.AsSpan().Count((byte)'N');
            if (unknown <= maxUnknownFraction * bases.Length || attempt >= MaxDraws) return start;
        }
    }
}
