using HyenaFlow.Genomics.Tokenization;

namespace HyenaFlow.Genomics.Tests.Tokenization;

public sealed class CharacterTokenizerTests
{
    [Fact]
    public void VocabularyIsHyenaDnas()
    {
        Assert.Equal(["[CLS]", "[SEP]", "[BOS]", "[MASK]", "[PAD]", "[RESERVED]", "[UNK]", "A", "C", "G", "T", "N"], CharacterTokenizer.Vocabulary);
        Assert.Equal(12, CharacterTokenizer.VocabularySize);
    }

    [Fact]
    public void EncodesClsBasesSepWithNAsUnknownByDefault()
    {
        Assert.Equal([0, 7, 8, 9, 10, 6, 1], CharacterTokenizer.Default.Encode("ACGTN"));
    }

    [Fact]
    public void KeepsNWhenAsked()
    {
        Assert.Equal([0, 11, 7, 1], new CharacterTokenizer(keepN: true).Encode("NA"));
    }

    [Fact]
    public void LowerCaseReadsAsUpperAndAnythingElseIsUnknown()
    {
        Assert.Equal([0, 7, 8, 9, 10, 6, 6, 6, 6, 6, 1], CharacterTokenizer.Default.Encode("acgtnRY-é"));
    }

    [Fact]
    public void PadsOnTheLeft()
    {
        Assert.Equal([4, 4, 0, 7, 1], CharacterTokenizer.Default.Encode("A", padToLength: 5));
    }

    [Fact]
    public void SpanEncodingRejectsTooSmallDestination()
    {
        Assert.Throws<ArgumentException>(() => CharacterTokenizer.Default.Encode("ACGT"u8, new byte[5]));
    }

    [Fact]
    public void DecodeDropsSpecialsAndShowsUnknownAsN()
    {
        byte[] tokens = CharacterTokenizer.Default.Encode("ACGTNNA", padToLength: 12);
        Assert.Equal("ACGTNNA", CharacterTokenizer.Decode(tokens));
        Assert.Equal("[PAD][PAD][PAD][CLS]ACGT[UNK][UNK]A[SEP]", CharacterTokenizer.DecodeTokens(tokens));
    }

    [Fact]
    public void EveryByteMapsToAValidToken()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var tokens = new byte[258];
        CharacterTokenizer.Default.Encode(all, tokens);
        Assert.All(tokens, t => Assert.InRange(t, 0, 11));
        Assert.Equal(4 * 2, tokens.Count(t => t is >= 7 and <= 10));
        Assert.Equal("ACGTACGT".Length, CharacterTokenizer.Decode(tokens).Count(c => c != 'N'));
    }
}
