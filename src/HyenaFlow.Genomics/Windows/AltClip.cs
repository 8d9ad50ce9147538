using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Windows;

/// <summary>
/// The part of a mutation inside a window: Ref bases [RefFrom, RefTo] (1-based) become Alt[AltFrom..AltTo).
/// Alt is laid on Ref from the left; the last Ref base carries the surplus of a longer Alt, and
/// Ref bases past |Alt| emit nothing. Works for substitutions, anchored indels and anything between.
/// </summary>
internal readonly record struct AltClip(long RefFrom, long RefTo, int AltFrom, int AltTo)
{
    public static AltClip Of(Mutation mutation, long windowStart, long windowEnd)
    {
        long refFrom = Math.Max(mutation.Pos, windowStart);
        long refTo = Math.Min(mutation.RefEnd, windowEnd);
        int refLength = mutation.Ref.Length;
        int altLength = mutation.Alt.Length;
        int lo = (int)(refFrom - mutation.Pos);
        int hi = (int)(refTo - mutation.Pos);
        int altFrom = Math.Min(lo, altLength);
        int altTo = hi == refLength - 1 ? altLength : Math.Min(hi + 1, altLength);
        return new AltClip(refFrom, refTo, altFrom, altTo);
    }
}
