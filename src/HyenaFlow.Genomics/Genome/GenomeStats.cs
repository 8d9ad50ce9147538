using System.Globalization;
using System.Text;

namespace HyenaFlow.Genomics.Genome;

/// <summary>Per-base counts over the kept sequences: the thesis's Table 3.1 (A, C, G, T, N, Total).</summary>
public sealed class GenomeStats
{
    public GenomeStats(IReadOnlyList<ChromosomeBaseCounts> perChromosome)
    {
        PerChromosome = perChromosome;
        Total = perChromosome.Aggregate(default(BaseCounts), (sum, c) => sum + c.Counts);
    }

    public IReadOnlyList<ChromosomeBaseCounts> PerChromosome { get; }

    public BaseCounts Total { get; }

    /// <summary>Counts any reference by reading it through (IUPAC codes are unknown there and counted as N only).</summary>
    public static GenomeStats Count(IReferenceGenome genome)
    {
        const int chunk = 1 << 20;
        var buffer = new byte[chunk];
        var result = new List<ChromosomeBaseCounts>();
        foreach (ChromosomeInfo chromosome in genome.Chromosomes)
        {
            long a = 0, c = 0, g = 0, t = 0, n = 0;
            for (long start = 0; start < chromosome.Length; start += chunk)
            {
                Span<byte> part = buffer.AsSpan(0, (int)Math.Min(chunk, chromosome.Length - start));
                genome.Read(chromosome.Name, start, part);
                a += part.Count((byte)'A');
                c += part.Count((byte)'C');
                g += part.Count((byte)'G');
                t += part.Count((byte)'T');
                n += part.Count((byte)'N');
            }

            result.Add(new ChromosomeBaseCounts(chromosome.Name, new BaseCounts(a, c, g, t, n, 0)));
        }

        return new GenomeStats(result);
    }

    /// <summary>A plain-text table in the shape of Table 3.1, with exact counts, the rounded figure and each base's share.</summary>
    public string ToTable()
    {
        BaseCounts t = Total;
        var rows = new (string Label, long Count)[] { ("A", t.A), ("C", t.C), ("G", t.G), ("T", t.T), ("N", t.N), ("Total", t.Total) };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"Nucleotide",-10} {"Count",17} {"Approx.",9} {"Share",8}\n");
        foreach (var (label, count) in rows)
        {
            if (label == "Total")
            {
                text.Append(new string('-', 47)).Append('\n');
            }

            double share = t.Total == 0 ? 0 : 100.0 * count / t.Total;
            text.Append(CultureInfo.InvariantCulture, $"{label,-10} {count,17:N0} {Approximate(count),9} {share,7:F2}%\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"({PerChromosome.Count} sequences; N includes {t.Iupac:N0} IUPAC ambiguity codes stored as N)\n");
        return text.ToString();
    }

    /// <summary>The thesis's rounding: ~867M, ~3.1B.</summary>
    internal static string Approximate(long count) => count switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"~{count / 1e9:0.#}B"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"~{count / 1e6:0}M"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"~{count / 1e3:0}K"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{count}"),
    };
}

/// <summary>The base counts of one kept sequence.</summary>
public sealed record ChromosomeBaseCounts(string Name, BaseCounts Counts);
