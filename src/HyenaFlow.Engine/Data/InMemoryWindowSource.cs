using HyenaFlow.Genomics.Tokenization;

namespace HyenaFlow.Engine.Data;

/// <summary>Random windows of a token sequence held in memory (tests, small genomes).</summary>
public sealed class InMemoryWindowSource : ITokenWindowSource
{
    private readonly byte[] tokens;

    /// <param name="tokens">Token ids of the whole sequence.</param>
    public InMemoryWindowSource(byte[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        this.tokens = tokens;
    }

    /// <summary>A source over bases, tokenised with HyenaDNA's character tokenizer (N → [UNK] unless the tokenizer keeps N); no special tokens.</summary>
    public static InMemoryWindowSource FromBases(string bases, CharacterTokenizer? tokenizer = null) =>
        new((tokenizer ?? CharacterTokenizer.Default).Encode(bases)[1..^1]);

    public long Length => tokens.Length;

    public void Fill(Span<long> destination, int batchSize, int windowLength, long seed)
    {
        if (windowLength > tokens.Length)
            throw new ArgumentOutOfRangeException(nameof(windowLength), $"Windows of {windowLength} tokens do not fit a sequence of {tokens.Length}.");
        if (destination.Length != batchSize * windowLength)
            throw new ArgumentException($"Expected {batchSize * windowLength} slots, got {destination.Length}.", nameof(destination));
        var random = new DataOrder((ulong)seed);
        for (var b = 0; b < batchSize; b++)
        {
            var start = (int)random.NextBelow(tokens.Length - windowLength + 1);
            var row = destination.Slice(b * windowLength, windowLength);
            for (var i = 0; i < windowLength; i++) row[i] = tokens[start + i];
        }
    }
}
