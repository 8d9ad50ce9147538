using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Windows;

/// <summary>
/// One cell line's mutations arranged for window queries: per chromosome, positions in flat arrays
/// so that finding the mutations of a window is a binary search, not a scan of the whole line.
/// Build it once per cell line and reuse it for all of that line's windows.
/// </summary>
public sealed class MutationIndex
{
    private readonly Dictionary<string, ChromosomeRange> ranges = new(StringComparer.Ordinal);

    private MutationIndex(IReadOnlyList<Mutation> mutations)
    {
        Source = mutations;
        Mutations = new Mutation[mutations.Count];
        Positions = new long[mutations.Count];
        RefEnds = new long[mutations.Count];
        int chromStart = 0;
        int longestRef = 0;
        for (int i = 0; i < mutations.Count; i++)
        {
            Mutation m = mutations[i];
            if (m.Ref.Length == 0 || m.Alt.Length == 0 || m.Pos < 1)
            {
                throw new ArgumentException($"Mutation {m.Notation} of {m.CellLine} has an empty allele or a position below 1.", nameof(mutations));
            }

            if (i > 0 && !string.Equals(mutations[i - 1].Chrom, m.Chrom, StringComparison.Ordinal))
            {
                AddRange(mutations[i - 1].Chrom, chromStart, i, longestRef);
                chromStart = i;
                longestRef = 0;
            }
            else if (i > 0 && mutations[i - 1].Pos > m.Pos)
            {
                throw new ArgumentException($"Mutations of {m.CellLine} are not sorted by position ({mutations[i - 1].Notation} before {m.Notation}).", nameof(mutations));
            }

            Mutations[i] = m;
            Positions[i] = m.Pos;
            RefEnds[i] = m.RefEnd;
            longestRef = Math.Max(longestRef, m.Ref.Length);
        }

        if (mutations.Count > 0)
        {
            AddRange(mutations[^1].Chrom, chromStart, mutations.Count, longestRef);
        }
    }

    /// <summary>The list this index was built from (compared by reference to reuse an index).</summary>
    public IReadOnlyList<Mutation> Source { get; }

    public int Count => Mutations.Length;

    internal Mutation[] Mutations { get; }

    internal long[] Positions { get; }

    internal long[] RefEnds { get; }

    /// <summary>Indexes a list sorted by position within each chromosome, each chromosome's mutations contiguous (any chromosome order).</summary>
    public static MutationIndex Create(IReadOnlyList<Mutation> mutations)
    {
        ArgumentNullException.ThrowIfNull(mutations);
        return new MutationIndex(mutations);
    }

    /// <summary>Index of <paramref name="mutation"/> in the list (same record or an equal one), or -1.</summary>
    public int IndexOf(Mutation mutation)
    {
        if (!ranges.TryGetValue(mutation.Chrom, out ChromosomeRange range))
        {
            return -1;
        }

        int i = LowerBound(range.Start, range.End, mutation.Pos);
        for (; i < range.End && Positions[i] == mutation.Pos; i++)
        {
            if (ReferenceEquals(Mutations[i], mutation) || Mutations[i].Equals(mutation))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index range [first, end) that holds every mutation of <paramref name="chrom"/> whose Ref span
    /// may touch [<paramref name="start"/>, <paramref name="end"/>] (1-based); callers filter by RefEnd.
    /// </summary>
    internal (int First, int End) Candidates(string chrom, long start, long end)
    {
        if (!ranges.TryGetValue(chrom, out ChromosomeRange range))
        {
            return (0, 0);
        }

        // A mutation starting up to LongestRef-1 bases before the window can still reach into it.
        int first = LowerBound(range.Start, range.End, start - range.LongestRef + 1);
        int stop = LowerBound(first, range.End, end + 1);
        return (first, stop);
    }

    private void AddRange(string chrom, int start, int end, int longestRef)
    {
        if (!ranges.TryAdd(chrom, new ChromosomeRange(start, end, longestRef)))
        {
            throw new ArgumentException($"Mutations of {Mutations[start]?.CellLine ?? "a cell line"} on {chrom} are not contiguous: sort them by chromosome then position.");
        }
    }

    private int LowerBound(int lo, int hi, long pos)
    {
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (Positions[mid] < pos)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private readonly record struct ChromosomeRange(int Start, int End, int LongestRef);
}
