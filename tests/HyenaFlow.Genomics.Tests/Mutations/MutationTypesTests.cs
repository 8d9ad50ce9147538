using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Tests.Mutations;

public sealed class MutationTypesTests
{
    [Theory]
    [InlineData("A", "T", MutationType.SNP)]
    [InlineData("AC", "GT", MutationType.DNP)]
    [InlineData("ACG", "TTT", MutationType.TNP)]
    [InlineData("ACGT", "TGCA", MutationType.ONP)]
    [InlineData("ACGTACGT", "TTTTTTTT", MutationType.ONP)]
    [InlineData("A", "AT", MutationType.INS)]
    [InlineData("A", "ATTG", MutationType.INS)]
    [InlineData("AT", "A", MutationType.DEL)]
    [InlineData("ATTG", "A", MutationType.DEL)]
    [InlineData("g", "gA", MutationType.INS)]
    public void TypeFollowsAlleleLengths(string reference, string alternate, MutationType expected) =>
        Assert.Equal(expected, MutationTypes.Derive(reference, alternate));

    [Theory]
    [InlineData("AT", "G")]
    [InlineData("C", "TA")]
    [InlineData("ACG", "TT")]
    [InlineData("", "A")]
    public void ChangesBeyondTheAnchorAreComplex(string reference, string alternate) =>
        Assert.Null(MutationTypes.Derive(reference, alternate));
}
