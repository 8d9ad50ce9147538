using System.Text;

namespace HyenaFlow.Genomics.Genome;

/// <summary>A reference held in managed arrays: for generated genomes and small inputs that need no store file.</summary>
public sealed class InMemoryGenome : IReferenceGenome
{
    private readonly Dictionary<string, byte[]> sequences;

    public InMemoryGenome(IEnumerable<KeyValuePair<string, byte[]>> sequences)
    {
        this.sequences = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var infos = new List<ChromosomeInfo>();
        foreach (var (name, bases) in sequences)
        {
            this.sequences.Add(name, bases);
            infos.Add(new ChromosomeInfo(name, bases.LongLength));
        }

        Chromosomes = infos;
    }

    public static InMemoryGenome FromStrings(params (string Name, string Bases)[] sequences) =>
        new(sequences.Select(s => KeyValuePair.Create(s.Name, Encoding.ASCII.GetBytes(s.Bases))));

    public IReadOnlyList<ChromosomeInfo> Chromosomes { get; }

    public ChromosomeInfo? Find(string name) =>
        sequences.TryGetValue(name, out var bases) ? new ChromosomeInfo(name, bases.LongLength) : null;

    public void Read(string chrom, long start, Span<byte> destination)
    {
        if (!sequences.TryGetValue(chrom, out var bases))
        {
            throw new ArgumentException($"Unknown chromosome '{chrom}'.", nameof(chrom));
        }

        if (start < 0 || start + destination.Length > bases.LongLength)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"{chrom}:{start + 1}-{start + destination.Length} lies outside 1-{bases.LongLength}.");
        }

        bases.AsSpan(checked((int)start), destination.Length).CopyTo(destination);
    }

    public void Dispose()
    {
    }
}
