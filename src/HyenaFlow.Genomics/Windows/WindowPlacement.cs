namespace HyenaFlow.Genomics.Windows;

/// <summary>
/// Where a window written into a caller's buffer came from. The buffer holds the reference
/// [Start, End] with the applied mutations, an <see cref="UntrimmedLength"/>-long sequence, cut to L
/// from index <see cref="LeftTrim"/> (insertions can overflow L; growth never leaves it short).
/// </summary>
public readonly record struct WindowPlacement(
    string Chrom,
    long Start,
    long End,
    int Offset,
    int AppliedCount,
    int SkippedOverlaps,
    int UntrimmedLength,
    int LeftTrim);
