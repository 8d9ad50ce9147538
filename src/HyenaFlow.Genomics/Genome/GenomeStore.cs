using System.Collections.Frozen;
using System.IO.MemoryMappedFiles;

namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// A cleaned reference genome in one memory-mapped file (2 bits per base plus N runs; see <see cref="GenomeStoreFormat"/>).
/// The operating system pages bases in on demand, so even the whole of GRCh38 costs little managed memory.
/// Reads are thread-safe.
/// </summary>
public sealed unsafe class GenomeStore : IReferenceGenome
{
    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* start;
    private readonly FrozenDictionary<string, StoredSequence> byName;
    private bool disposed;

    private GenomeStore(string path, StoreDirectory directory, MemoryMappedFile map, MemoryMappedViewAccessor view)
    {
        Path = path;
        SourceFile = directory.SourceFile;
        Selection = directory.Selection;
        this.map = map;
        this.view = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        start = pointer + view.PointerOffset;
        byName = directory.Sequences.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        Chromosomes = directory.Sequences.Select(s => new ChromosomeInfo(s.Name, s.Length)).ToArray();
        Stats = new GenomeStats(directory.Sequences.Select(s => new ChromosomeBaseCounts(s.Name, s.Counts)).ToArray());
    }

    public string Path { get; }

    /// <summary>The file name of the FASTA the store was imported from.</summary>
    public string SourceFile { get; }

    /// <summary>The chromosome selection the import used (e.g. <c>autosomes</c>).</summary>
    public string Selection { get; }

    public GenomeStats Stats { get; }

    public IReadOnlyList<ChromosomeInfo> Chromosomes { get; }

    public static GenomeStore Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        MemoryMappedFile? map = null;
        try
        {
            StoreDirectory directory = GenomeStoreFormat.ReadDirectory(file, path);
            map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            return new GenomeStore(path, directory, map, view);
        }
        catch
        {
            map?.Dispose();
            file.Dispose();
            throw;
        }
    }

    public ChromosomeInfo? Find(string name) =>
        byName.TryGetValue(name, out StoredSequence? s) ? new ChromosomeInfo(s.Name, s.Length) : null;

    public void Read(string chrom, long start, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!byName.TryGetValue(chrom, out StoredSequence? s))
        {
            throw new ArgumentException($"Unknown chromosome '{chrom}'; the store holds {string.Join(", ", Chromosomes.Select(c => c.Name))}.", nameof(chrom));
        }

        if (start < 0 || start + destination.Length > s.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"{chrom}:{start + 1}-{start + destination.Length} lies outside 1-{s.Length}.");
        }

        if (destination.IsEmpty)
        {
            return;
        }

        // Only the packed bytes that cover the range are touched, so a span never exceeds int even on long sequences.
        long firstByte = start >> 2;
        long lastByte = (start + destination.Length - 1) >> 2;
        var packed = new ReadOnlySpan<byte>(this.start + s.PackedOffset + firstByte, checked((int)(lastByte - firstByte + 1)));
        TwoBitDecoder.Decode(packed, start - (firstByte << 2), destination);
        if (s.RunCount > 0)
        {
            var runs = new ReadOnlySpan<long>(this.start + s.RunsOffset, checked((int)(s.RunCount * 2)));
            TwoBitDecoder.OverlayRuns(runs, start, destination);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
    }
}
