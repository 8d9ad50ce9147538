using System.Diagnostics;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Fasta;

/// <summary>
/// Cleans a reference FASTA (plain, gzip or BGZF; NCBI, UCSC or Ensembl naming) into a <see cref="GenomeStore"/>:
/// canonical names, upper case, IUPAC codes as N, only the selected sequences. Streams with bounded memory.
/// </summary>
public static class FastaImporter
{
    private const long ProgressStep = 8 << 20;

    public static GenomeImportSummary Import(
        string fastaPath,
        string storePath,
        GenomeImportOptions? options = null,
        IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new GenomeImportOptions();
        var clock = Stopwatch.StartNew();
        using FastaInput input = FastaInput.Open(fastaPath);
        using var writer = new GenomeStoreWriter(storePath);
        var records = new RecordSelector(fastaPath, writer, options.Keep);
        var parser = new FastaParser(input, records);
        long reported = 0;
        progress?.Report(new ProgressReport("reading", 0, input.FileLength, "B"));
        parser.Run(
            () =>
            {
                if (progress is not null && input.FilePosition - reported >= ProgressStep)
                {
                    reported = input.FilePosition;
                    progress.Report(new ProgressReport("reading", reported, input.FileLength, "B"));
                }
            },
            cancellationToken);
        records.CheckSomethingKept();
        writer.Commit(Path.GetFileName(fastaPath), options.Keep.Description);
        progress?.Report(new ProgressReport("reading", input.FileLength, input.FileLength, "B"));

        var stats = new GenomeStats(writer.Sequences.Select(s => new ChromosomeBaseCounts(s.Name, s.Counts)).ToArray());
        return new GenomeImportSummary(
            Path.GetFullPath(storePath),
            Path.GetFileName(fastaPath),
            input.Compression,
            writer.Sequences.Select(s => new ChromosomeInfo(s.Name, s.Length)).ToArray(),
            records.Skipped,
            stats,
            input.FileLength,
            parser.TextBytes,
            clock.Elapsed);
    }

    /// <summary>Maps each header to its canonical name, rejects duplicates, and sends the selected records to the store.</summary>
    private sealed class RecordSelector(string path, GenomeStoreWriter writer, ChromosomeSelection keep) : IFastaRecordHandler
    {
        private readonly Dictionary<string, long> seen = new(StringComparer.Ordinal);
        private readonly List<string> skipped = [];
        private bool open;

        public IReadOnlyList<string> Skipped => skipped;

        public SequencePacker? BeginRecord(string header, long line)
        {
            string name = ChromosomeNames.FromHeader(header);
            if (!seen.TryAdd(name, line))
            {
                throw new DataFormatException(path, line, $"duplicate sequence name '{name}' (header '>{header.Trim()}'): line {seen[name]} already started a sequence with that canonical name.");
            }

            if (!keep.Includes(name))
            {
                skipped.Add(name);
                return null;
            }

            open = true;
            return writer.Begin(name);
        }

        public void EndRecord()
        {
            if (open)
            {
                writer.End();
                open = false;
            }
        }

        public void CheckSomethingKept()
        {
            if (keep.ExplicitNames is { } wanted && wanted.Where(n => !seen.ContainsKey(n)).ToArray() is { Length: > 0 } missing)
            {
                throw new DataFormatException(path, null, $"requested sequence(s) {string.Join(", ", missing)} not found; the file holds {Describe(seen.Keys)}.");
            }

            if (writer.Sequences.Count == 0)
            {
                throw new DataFormatException(path, null, $"no sequence matches the selection '{keep}'; the file holds {Describe(seen.Keys)}. GRCh38 naming (NCBI NC_000001.11, UCSC chr1, Ensembl 1) is expected.");
            }
        }

        private static string Describe(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count <= 10 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(10))} … ({list.Count} sequences)";
        }
    }
}
