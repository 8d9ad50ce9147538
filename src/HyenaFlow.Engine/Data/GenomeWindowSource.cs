using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Tokenization;

namespace HyenaFlow.Engine.Data;

/// <summary>
/// Random windows of a cleaned reference for next-token pre-training: a chromosome drawn in
/// proportion to its length, a uniform start, bases tokenized character by character. Windows that
/// are mostly N (telomeres, centromere gaps) are redrawn, since they teach the model nothing.
/// </summary>
public sealed class GenomeWindowSource : ITokenWindowSource
{
    private const int MaxDraws = 64;
    private readonly IReferenceGenome genome;
    private readonly CharacterTokenizer tokenizer;
    private readonly long[] cumulativeLengths;
    private readonly double maxUnknownFraction;

    /// <param name="maxUnknownFraction">A window with more N than this share is drawn again (up to 64 times).</param>
    public GenomeWindowSource(IReferenceGenome genome, CharacterTokenizer? tokenizer = null, double maxUnknownFraction = 0.5)
    {
        this.genome = genome;
        this.tokenizer = tokenizer ?? CharacterTokenizer.Default;
        this.maxUnknownFraction = maxUnknownFraction;
        cumulativeLengths = new long[genome.Chromosomes.Count];
        long total = 0;
        for (int i = 0; i < cumulativeLengths.Length; i++)
        {
            total += genome.Chromosomes[i].Length;
            cumulativeLengths[i] = total;
        }

        if (total == 0)
        {
            throw new ArgumentException("The genome has no sequence to draw pre-training windows from.", nameof(genome));
        }
    }

    public void Fill(Span<long> destination, int batchSize, int windowLength, long seed)
    {
        if (destination.Length != batchSize * windowLength)
            throw new ArgumentException($"Expected {batchSize * windowLength} slots, got {destination.Length}.", nameof(destination));
        if (!genome.Chromosomes.Any(c => c.Length >= windowLength))
            throw new ArgumentOutOfRangeException(nameof(windowLength), $"No chromosome is as long as a window of {windowLength} bases.");
        var random = new DataOrder((ulong)seed);
        var bases = new byte[windowLength];
        var tokens = new byte[windowLength + 2];
        for (int b = 0; b < batchSize; b++)
        {
            DrawWindow(random, bases);
            tokenizer.Encode(bases, tokens);
            var row = destination.Slice(b * windowLength, windowLength);
            // The window is the bases' tokens without [CLS]/[SEP]: next-token targets are bases only.
            for (int i = 0; i < windowLength; i++) row[i] = tokens[i + 1];
        }
    }

    private void DrawWindow(DataOrder random, byte[] bases)
    {
        long total = cumulativeLengths[^1];
        for (int attempt = 0; ; attempt++)
        {
            long position = random.NextBelow(total);
            int index = Array.BinarySearch(cumulativeLengths, position + 1);
            if (index < 0) index = ~index;
            ChromosomeInfo chromosome = genome.Chromosomes[index];
            if (chromosome.Length < bases.Length) continue;
            long start = random.NextBelow(chromosome.Length - bases.Length + 1);
            genome.Read(chromosome.Name, start, bases);
            int unknown = bases.AsSpan().Count((byte)'N');
            if (unknown <= maxUnknownFraction * bases.Length || attempt >= MaxDraws) return;
        }
    }
}
