using System.Text;

namespace HyenaFlow.Genomics.Tokenization;

/// <summary>
/// HyenaDNA's character tokenizer: one token per base, <c>[CLS]</c> before and <c>[SEP]</c> after,
/// left padding with <c>[PAD]</c>. Lower case reads as upper case; N becomes <c>[UNK]</c> as in the
/// thesis unless <see cref="KeepN"/>; any other character is <c>[UNK]</c>. Encoding is a table lookup.
/// </summary>
public sealed class CharacterTokenizer
{
    public const byte Cls = 0;
    public const byte Sep = 1;
    public const byte Bos = 2;
    public const byte Mask = 3;
    public const byte Pad = 4;
    public const byte Reserved = 5;
    public const byte Unk = 6;
    public const byte A = 7;
    public const byte C = 8;
    public const byte G = 9;
    public const byte T = 10;
    public const byte N = 11;

    /// <summary>Token strings by id.</summary>
    public static readonly IReadOnlyList<string> Vocabulary =
        ["[CLS]", "[SEP]", "[BOS]", "[MASK]", "[PAD]", "[RESERVED]", "[UNK]", "A", "C", "G", "T", "N"];

    /// <summary>Bases shown for each id when decoding to a sequence ([UNK] shows as N; other specials as 0).</summary>
    private static readonly byte[] BaseOfToken = [0, 0, 0, 0, 0, 0, (byte)'N', (byte)'A', (byte)'C', (byte)'G', (byte)'T', (byte)'N'];

    private readonly byte[] tokenOfByte = new byte[256];

    public CharacterTokenizer(bool keepN = false)
    {
        KeepN = keepN;
        tokenOfByte.AsSpan().Fill(Unk);
        foreach ((char upper, byte token) in new[] { ('A', A), ('C', C), ('G', G), ('T', T), ('N', keepN ? N : Unk) })
        {
            tokenOfByte[upper] = token;
            tokenOfByte[char.ToLowerInvariant(upper)] = token;
        }
    }

    /// <summary>The thesis's tokenizer: N → [UNK].</summary>
    public static CharacterTokenizer Default { get; } = new();

    /// <summary>True when N has its own token (11) instead of [UNK].</summary>
    public bool KeepN { get; }

    public static int VocabularySize => 12;

    /// <summary>Tokens for a sequence of <paramref name="bases"/> bases: two more, for [CLS] and [SEP].</summary>
    public static int EncodedLength(int bases) => bases + 2;

    /// <summary>
    /// Writes [CLS] + tokens of <paramref name="bases"/> + [SEP] right-aligned into <paramref name="destination"/>,
    /// filling any room on the left with [PAD].
    /// </summary>
    public void Encode(ReadOnlySpan<byte> bases, Span<byte> destination)
    {
        int needed = EncodedLength(bases.Length);
        if (destination.Length < needed)
        {
            throw new ArgumentException($"Encoding {bases.Length} bases needs {needed} tokens; the destination holds {destination.Length}.", nameof(destination));
        }

        int padding = destination.Length - needed;
        destination[..padding].Fill(Pad);
        destination[padding] = Cls;
        Span<byte> body = destination.Slice(padding + 1, bases.Length);
        byte[] table = tokenOfByte;
        for (int i = 0; i < bases.Length; i++)
        {
            body[i] = table[bases[i]];
        }

        destination[^1] = Sep;
    }

    /// <summary>Encodes text; characters outside Latin-1 are [UNK]. Pads on the left to <paramref name="padToLength"/> when given.</summary>
    public byte[] Encode(string sequence, int? padToLength = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        byte[] bases = new byte[sequence.Length];
        for (int i = 0; i < sequence.Length; i++)
        {
            char c = sequence[i];
            bases[i] = c < 256 ? (byte)c : (byte)'?';
        }

        byte[] tokens = new byte[Math.Max(padToLength ?? 0, EncodedLength(bases.Length))];
        Encode(bases, tokens);
        return tokens;
    }

    /// <summary>
    /// The bases of a token sequence, special tokens dropped; [UNK] is shown as N (the only source of
    /// [UNK] in a cleaned genome).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> tokens)
    {
        var text = new StringBuilder(tokens.Length);
        foreach (byte token in tokens)
        {
            byte b = token < BaseOfToken.Length ? BaseOfToken[token] : (byte)0;
            if (b != 0)
            {
                text.Append((char)b);
            }
        }

        return text.ToString();
    }

    /// <summary>Every token as its vocabulary string, specials included, e.g. <c>[CLS]ACGT[SEP]</c>.</summary>
    public static string DecodeTokens(ReadOnlySpan<byte> tokens)
    {
        var text = new StringBuilder(tokens.Length);
        foreach (byte token in tokens)
        {
            text.Append(token < Vocabulary.Count ? Vocabulary[token] : "[UNK]");
        }

        return text.ToString();
    }
}
