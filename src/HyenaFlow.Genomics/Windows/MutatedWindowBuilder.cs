using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Windows;

/// <summary>
/// Algorithm 1 of the thesis: a window of exactly L bases of a cell line's mutated genome around one
/// of its mutations. The rules, in order:
/// <list type="number">
/// <item>Offset: o is drawn uniformly from [0, L − |Alt|] (<c>random.Next(0, L − |Alt| + 1)</c>), so the
/// selected mutation's whole Alt fits; the window is [Pos − o, Pos − o + L − 1] in reference coordinates.</item>
/// <item>Clamp: a window leaving the chromosome is shifted inside it, never shortened; a chromosome shorter
/// than L is an error. The far end is the right end, or the left end when the window touches the
/// chromosome's last base.</item>
/// <item>Collect: every mutation of the line whose Ref span touches the window. Overlaps (by Ref span;
/// an insertion covers its anchor only): the selected mutation is kept, then the others by position,
/// each kept when it overlaps nothing kept before it and not the selected one; the rest are skipped.</item>
/// <item>Apply: every reference base of the window is replaced by what the mutations make of it. A
/// mutation's Alt is laid on its Ref from the left: base i of Ref becomes Alt[i]; the last Ref base also
/// carries any surplus of Alt (insertion); Ref bases beyond |Alt| vanish (deletion). A mutation that
/// straddles a window edge therefore acts only on its bases inside the window.</item>
/// <item>Grow: while the result is shorter than L (deletions), extend the window at the far end by
/// the shortfall (switching to the other end at the chromosome's edge) and repeat from Collect, since
/// newly covered mutations may delete more. Start/End report the window after growth.</item>
/// <item>Trim: insertions may make the result longer than L; cut the far end, unless that would cut the
/// selected mutation's emitted bases, in which case the cut moves just far enough to the other end.</item>
/// </list>
/// Reference bases, N included, are copied unchanged. An instance reuses its buffers: not thread-safe.
/// </summary>
public sealed class MutatedWindowBuilder
{
    private readonly IReferenceGenome genome;
    private readonly Dictionary<string, long> chromosomeLengths = new(StringComparer.Ordinal);
    private byte[] reference = [];
    private byte[] emitted = [];
    private int[] kept = [];
    private MutationIndex? lastIndex;

    public MutatedWindowBuilder(IReferenceGenome genome, int length)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        this.genome = genome;
        Length = length;
        foreach (ChromosomeInfo chromosome in genome.Chromosomes)
        {
            chromosomeLengths[chromosome.Name] = chromosome.Length;
        }
    }

    /// <summary>L, the number of bases of every window.</summary>
    public int Length { get; }

    /// <summary>Builds one window; <paramref name="mutationsOfLine"/> is the line's list sorted by chromosome then position.</summary>
    public MutatedWindow Build(IReadOnlyList<Mutation> mutationsOfLine, Mutation selected, Random random)
    {
        var sequence = new byte[Length];
        var applied = new List<Mutation>();
        WindowPlacement placement = Build(IndexFor(mutationsOfLine), selected, random, sequence, applied);
        return new MutatedWindow(placement.Chrom, placement.Start, placement.End, placement.Offset, applied, placement.SkippedOverlaps, sequence);
    }

    /// <summary>
    /// Builds one window into <paramref name="destination"/> (exactly L bytes) without allocating;
    /// the applied mutations are appended to <paramref name="applied"/> when given.
    /// </summary>
    public WindowPlacement Build(MutationIndex mutations, Mutation selected, Random random, Span<byte> destination, List<Mutation>? applied = null)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(random);
        CheckAltFits(selected);
        int offset = random.Next(0, Length - selected.Alt.Length + 1);
        return BuildAt(mutations, selected, offset, destination, applied);
    }

    /// <summary>As <see cref="Build(MutationIndex, Mutation, Random, Span{byte}, List{Mutation})"/> with the drawn offset given (0 ≤ offset ≤ L − |Alt|).</summary>
    public WindowPlacement BuildAt(MutationIndex mutations, Mutation selected, int drawnOffset, Span<byte> destination, List<Mutation>? applied = null)
    {
        ArgumentNullException.ThrowIfNull(mutations);
        ArgumentNullException.ThrowIfNull(selected);
        CheckAltFits(selected);
        if (destination.Length != Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; a window is exactly {Length}.", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(drawnOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(drawnOffset, Length - selected.Alt.Length);
        if (!chromosomeLengths.TryGetValue(selected.Chrom, out long chromLength))
        {
            throw new ArgumentException($"Mutation {selected.Notation} lies on {selected.Chrom}, which the genome does not have.", nameof(selected));
        }

        if (chromLength < Length)
        {
            throw new ArgumentException($"{selected.Chrom} has {chromLength:N0} bases, fewer than the window length {Length:N0}.", nameof(selected));
        }

        if (selected.RefEnd > chromLength)
        {
            throw new ArgumentException($"Mutation {selected.Notation} ends at {selected.RefEnd:N0}, past the end of {selected.Chrom} ({chromLength:N0}).", nameof(selected));
        }

        int selectedIndex = mutations.IndexOf(selected);
        if (selectedIndex < 0)
        {
            throw new ArgumentException($"Mutation {selected.Notation} is not in the cell line's mutation list.", nameof(selected));
        }

        long start = selected.Pos - drawnOffset;
        long end = start + Length - 1;
        if (start < 1)
        {
            (start, end) = (1, Length);
        }

        if (end > chromLength)
        {
            (start, end) = (chromLength - Length + 1, chromLength);
        }

        bool farEndIsLeft = end == chromLength;
        int keptCount;
        int skipped;
        long untrimmed;
        while (true)
        {
            (keptCount, skipped, long delta) = Resolve(mutations, selected.Chrom, selectedIndex, start, end);
            untrimmed = end - start + 1 + delta;
            if (untrimmed >= Length)
            {
                break;
            }

            (start, end) = Grow(start, end, Length - untrimmed, farEndIsLeft, chromLength, selected);
        }

        int refLength = checked((int)(end - start + 1));
        EnsureCapacity(ref reference, refLength);
        EnsureCapacity(ref emitted, checked((int)untrimmed));
        genome.Read(selected.Chrom, start - 1, reference.AsSpan(0, refLength));
        (int selectedFrom, int selectedTo) = Emit(mutations, selectedIndex, keptCount, start, end, applied);

        int leftTrim = farEndIsLeft
            ? (int)Math.Min(untrimmed - Length, selectedFrom)
            : Math.Max(0, selectedTo - Length);
        emitted.AsSpan(leftTrim, Length).CopyTo(destination);
        return new WindowPlacement(selected.Chrom, start, end, selectedFrom - leftTrim, keptCount, skipped, (int)untrimmed, leftTrim);
    }

    private void CheckAltFits(Mutation selected)
    {
        if (selected.Alt.Length > Length)
        {
            throw new ArgumentException($"Mutation {selected.Notation} has an Alt of {selected.Alt.Length} bases, longer than the window length {Length}.", nameof(selected));
        }
    }

    private static (long Start, long End) Grow(long start, long end, long missing, bool farEndIsLeft, long chromLength, Mutation selected)
    {
        long atFar = farEndIsLeft ? Math.Min(missing, start - 1) : Math.Min(missing, chromLength - end);
        long atNear = missing - atFar;
        long newStart = farEndIsLeft ? start - atFar : start - atNear;
        long newEnd = farEndIsLeft ? end + atNear : end + atFar;
        if (newStart < 1 || newEnd > chromLength)
        {
            throw new InvalidOperationException($"{selected.Chrom} is too short to fill a window of the cell line's mutated genome around {selected.Notation}: its deletions remove more than the chromosome can supply.");
        }

        return (newStart, newEnd);
    }

    /// <summary>Chooses the kept mutations of [start, end] into <see cref="kept"/>; returns their count, the skipped count and the length change.</summary>
    private (int Kept, int Skipped, long Delta) Resolve(MutationIndex mutations, string chrom, int selectedIndex, long start, long end)
    {
        (int first, int stop) = mutations.Candidates(chrom, start, end);
        EnsureCapacity(ref kept, stop - first);
        long[] positions = mutations.Positions;
        long[] refEnds = mutations.RefEnds;
        long selectedPos = positions[selectedIndex];
        long selectedEnd = refEnds[selectedIndex];
        long lastKeptEnd = long.MinValue;
        int keptCount = 0;
        int skipped = 0;
        long delta = 0;
        for (int i = first; i < stop; i++)
        {
            if (refEnds[i] < start)
            {
                continue;
            }

            bool keep = i == selectedIndex
                || (positions[i] > lastKeptEnd && (positions[i] > selectedEnd || refEnds[i] < selectedPos));
            if (!keep)
            {
                skipped++;
                continue;
            }

            kept[keptCount++] = i;
            lastKeptEnd = Math.Max(lastKeptEnd, refEnds[i]);
            var clip = AltClip.Of(mutations.Mutations[i], start, end);
            delta += clip.AltTo - clip.AltFrom - (clip.RefTo - clip.RefFrom + 1);
        }

        return (keptCount, skipped, delta);
    }

    /// <summary>Writes the mutated window into <see cref="emitted"/>; returns where the selected mutation's bases landed.</summary>
    private (int From, int To) Emit(MutationIndex mutations, int selectedIndex, int keptCount, long start, long end, List<Mutation>? applied)
    {
        int outAt = 0;
        long refAt = start;
        int selectedFrom = 0;
        int selectedTo = 0;
        for (int k = 0; k < keptCount; k++)
        {
            int i = kept[k];
            Mutation mutation = mutations.Mutations[i];
            applied?.Add(mutation);
            var clip = AltClip.Of(mutation, start, end);
            int unchanged = (int)(clip.RefFrom - refAt);
            reference.AsSpan((int)(refAt - start), unchanged).CopyTo(emitted.AsSpan(outAt));
            outAt += unchanged;
            if (i == selectedIndex)
            {
                selectedFrom = outAt;
            }

            string alt = mutation.Alt;
            for (int j = clip.AltFrom; j < clip.AltTo; j++)
            {
                emitted[outAt++] = (byte)alt[j];
            }

            if (i == selectedIndex)
            {
                selectedTo = outAt;
            }

            refAt = clip.RefTo + 1;
        }

        int rest = (int)(end - refAt + 1);
        reference.AsSpan((int)(refAt - start), rest).CopyTo(emitted.AsSpan(outAt));
        return (selectedFrom, selectedTo);
    }

    private MutationIndex IndexFor(IReadOnlyList<Mutation> mutationsOfLine)
    {
        if (lastIndex is null || !ReferenceEquals(lastIndex.Source, mutationsOfLine))
        {
            lastIndex = MutationIndex.Create(mutationsOfLine);
        }

        return lastIndex;
    }

    private static void EnsureCapacity<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new T[Math.Max(size, buffer.Length * 2)];
        }
    }
}
