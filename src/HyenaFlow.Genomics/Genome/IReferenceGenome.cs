namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// Random access to a cleaned reference: upper-case ASCII bases, only A, C, G, T and N.
/// Coordinates here are 0-based half-open, as in the code that slices sequences;
/// <see cref="Region"/> is the 1-based form users see.
/// </summary>
public interface IReferenceGenome : IDisposable
{
    IReadOnlyList<ChromosomeInfo> Chromosomes { get; }

    /// <summary>The chromosome with this canonical name, or null.</summary>
    ChromosomeInfo? Find(string name);

    /// <summary>Copies <c>destination.Length</c> bases starting at 0-based <paramref name="start"/>; throws when the range leaves the chromosome.</summary>
    void Read(string chrom, long start, Span<byte> destination);
}
