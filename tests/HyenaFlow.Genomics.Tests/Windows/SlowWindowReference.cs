using System.Text;
using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Tests.Windows;

/// <summary>
/// Algorithm 1 written the slow, obvious way, independently of the library: strings, LINQ, a walk
/// over every reference base of the window asking which kept mutation (if any) covers it.
/// </summary>
internal static class SlowWindowReference
{
    public sealed record Result(long Start, long End, string Untrimmed, string Sequence, int Offset, List<Mutation> Applied, int Skipped);

    /// <summary>The window, or null when the chromosome cannot supply enough bases after deletions.</summary>
    public static Result? Build(string chromosome, IReadOnlyList<Mutation> lineMutations, Mutation selected, int length, int drawnOffset)
    {
        long chromLength = chromosome.Length;
        long start = selected.Pos - drawnOffset;
        long end = start + length - 1;
        if (start < 1)
        {
            start = 1;
            end = length;
        }

        if (end > chromLength)
        {
            end = chromLength;
            start = chromLength - length + 1;
        }

        bool growLeft = end == chromLength;
        while (true)
        {
            var (kept, skipped) = Choose(lineMutations, selected, start, end);
            var (text, selectedFrom, selectedTo) = Walk(chromosome, kept, selected, start, end);
            if (text.Length >= length)
            {
                int cut = growLeft
                    ? Math.Min(text.Length - length, selectedFrom)
                    : Math.Max(0, selectedTo - length);
                return new Result(start, end, text, text.Substring(cut, length), selectedFrom - cut, kept, skipped);
            }

            for (int missing = length - text.Length; missing > 0; missing--)
            {
                bool left = growLeft ? start > 1 : end == chromLength;
                if (left)
                {
                    start--;
                }
                else
                {
                    end++;
                }

                if (start < 1 || end > chromLength)
                {
                    return null;
                }
            }
        }
    }

    private static (List<Mutation> Kept, int Skipped) Choose(IReadOnlyList<Mutation> all, Mutation selected, long start, long end)
    {
        var touching = all.Where(m => m.Chrom == selected.Chrom && m.Pos <= end && m.RefEnd >= start).ToList();
        var kept = new List<Mutation>();
        int skipped = 0;
        bool selectedSeen = false;
        foreach (Mutation m in touching)
        {
            bool isSelected = !selectedSeen && m.Equals(selected);
            if (isSelected)
            {
                selectedSeen = true;
                kept.Add(m);
            }
            else if (!Overlaps(m, selected) && !kept.Any(k => Overlaps(k, m)))
            {
                kept.Add(m);
            }
            else
            {
                skipped++;
            }
        }

        return (kept, skipped);
    }

    /// <summary>The reference [start, end] with <paramref name="mutations"/> (non-overlapping) applied, base by base.</summary>
    public static string Apply(string chromosome, IEnumerable<Mutation> mutations, long start, long end)
    {
        var list = mutations.ToList();
        return Walk(chromosome, list, list[0], start, end).Text;
    }

    private static bool Overlaps(Mutation a, Mutation b) => a.Pos <= b.RefEnd && b.Pos <= a.RefEnd;

    private static (string Text, int SelectedFrom, int SelectedTo) Walk(string chromosome, List<Mutation> kept, Mutation selected, long start, long end)
    {
        var text = new StringBuilder();
        int selectedFrom = -1;
        int selectedTo = -1;
        for (long p = start; p <= end; p++)
        {
            Mutation? covering = kept.FirstOrDefault(m => m.Pos <= p && p <= m.RefEnd);
            if (covering is null)
            {
                text.Append(chromosome[(int)(p - 1)]);
                continue;
            }

            if (ReferenceEquals(covering, selected) || covering.Equals(selected))
            {
                if (p == selected.Pos)
                {
                    selectedFrom = text.Length;
                }
            }

            int i = (int)(p - covering.Pos);
            int r = covering.Ref.Length;
            int a = covering.Alt.Length;
            if (i == r - 1)
            {
                text.Append(covering.Alt.AsSpan(Math.Min(i, a)));
            }
            else if (i < a)
            {
                text.Append(covering.Alt[i]);
            }

            if (covering.Equals(selected) && (p == selected.RefEnd || p == end))
            {
                selectedTo = text.Length;
            }
        }

        return (text.ToString(), selectedFrom, selectedTo);
    }
}
