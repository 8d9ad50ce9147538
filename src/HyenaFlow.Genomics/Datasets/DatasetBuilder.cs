using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.IO;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tokenization;
using HyenaFlow.Genomics.Windows;

namespace HyenaFlow.Genomics.Datasets;

/// <summary>
/// Turns a balanced selection into a tokenized dataset directory: one Algorithm 1 window per selected
/// mutation, in a seeded order per split, streamed into .npy shards with bounded memory, listed in
/// <c>samples.tsv</c> and described by <c>dataset.json</c>. The directory is built beside the target
/// and renamed into place at the end, so it either exists complete or not at all.
/// </summary>
public static class DatasetBuilder
{
    public const string InfoFile = "dataset.json";
    public const string SamplesFile = "samples.tsv";

    internal static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static DatasetInfo Build(
        IReferenceGenome genome,
        BalancedSelection selection,
        Func<string, IReadOnlyList<Mutation>> mutationsOfLine,
        int length,
        int seed,
        string outDir,
        IProgress<ProgressReport>? progress = null,
        DatasetBuildOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(mutationsOfLine);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        options ??= new DatasetBuildOptions();
        if (options.MaxPerLine is < 1)
        {
            throw new ArgumentException($"MaxPerLine must be at least 1, got {options.MaxPerLine}.", nameof(options));
        }

        DatasetInfo? info = null;
        AtomicDirectory.Write(outDir, InfoFile, building =>
            info = Write(genome, selection, mutationsOfLine, length, seed, building, progress, options, cancellationToken));
        return info!;
    }

    private static DatasetInfo Write(
        IReferenceGenome genome,
        BalancedSelection selection,
        Func<string, IReadOnlyList<Mutation>> mutationsOfLine,
        int length,
        int seed,
        string directory,
        IProgress<ProgressReport>? progress,
        DatasetBuildOptions options,
        CancellationToken cancellationToken)
    {
        Split[] splits = options.IncludeEmbedding ? [Split.Train, Split.Test, Split.Embedding] : [Split.Train, Split.Test];
        var plans = splits.Select(split => (Split: split, Samples: Plan(selection, split, options.MaxPerLine, seed))).ToList();
        long total = plans.Sum(p => (long)p.Samples.Count);
        var tokenizer = new CharacterTokenizer(options.KeepN);
        var windows = new MutatedWindowBuilder(genome, length);
        var indexes = new Dictionary<string, MutationIndex>(StringComparer.Ordinal);
        var sequence = new byte[length];
        var tokens = new byte[CharacterTokenizer.EncodedLength(length)];
        var applied = new List<Mutation>();
        var allCounts = new Dictionary<int, long>();
        var splitInfos = new List<SplitInfo>();
        long id = 0;
        long skippedOverlaps = 0;

        using (var manifest = new StreamWriter(Path.Combine(directory, SamplesFile), false, new UTF8Encoding(false), 1 << 16))
        {
            manifest.NewLine = "\n";
            manifest.WriteLine(string.Join('\t', DatasetSample.Columns));
            foreach (var (split, samples) in plans)
            {
                string splitName = DatasetSample.SplitName(split);
                var offsets = new Random(DeriveSeed(seed, 2 * (int)split + 1));
                var perClass = selection.Classes.ToDictionary(c => c, _ => 0L, StringComparer.Ordinal);
                var counts = new Dictionary<int, long>();
                using var shards = new ShardSetWriter(directory, splitName, tokens.Length, options);
                foreach ((SelectedCellLine line, Mutation centre) in samples)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!indexes.TryGetValue(line.ModelId, out MutationIndex? index))
                    {
                        indexes[line.ModelId] = index = MutationIndex.Create(mutationsOfLine(line.ModelId));
                    }

                    applied.Clear();
                    WindowPlacement window = windows.Build(index, centre, offsets, sequence, applied);
                    tokenizer.Encode(sequence, tokens);
                    (string shard, long row) = shards.Append(tokens, line.Label);
                    WriteManifestRow(manifest, id++, splitName, line, window, applied, shard, row);
                    perClass[selection.Classes[line.Label]]++;
                    counts[applied.Count] = counts.GetValueOrDefault(applied.Count) + 1;
                    allCounts[applied.Count] = allCounts.GetValueOrDefault(applied.Count) + 1;
                    skippedOverlaps += window.SkippedOverlaps;
                    if (id % 1024 == 0)
                    {
                        progress?.Report(new ProgressReport("windows", id, total, "seq"));
                    }
                }

                shards.Complete();
                splitInfos.Add(new SplitInfo(splitName, samples.Count, perClass, MutationStatistics.From(counts), shards.Shards));
            }
        }

        progress?.Report(new ProgressReport("windows", id, total, "seq"));
        var info = new DatasetInfo(
            DatasetInfo.FormatName,
            1,
            length,
            tokens.Length,
            seed,
            selection.Seed,
            selection.MutationsPerLine,
            options.MaxPerLine,
            selection.Classes,
            new TokenizerInfo("character", CharacterTokenizer.Vocabulary, options.KeepN, "left", "[CLS] bases [SEP]"),
            splitInfos,
            MutationStatistics.From(allCounts),
            skippedOverlaps,
            ContentHash(directory));
        string json = JsonSerializer.Serialize(info, Json);
        File.WriteAllText(Path.Combine(directory, InfoFile), json + "\n", new UTF8Encoding(false));
        return info;
    }

    /// <summary>The (line, centre) pairs of one split in their seeded on-disk order.</summary>
    private static List<(SelectedCellLine Line, Mutation Centre)> Plan(BalancedSelection selection, Split split, int? maxPerLine, int seed)
    {
        var samples = new List<(SelectedCellLine, Mutation)>();
        foreach (SelectedCellLine line in selection.CellLines)
        {
            if (line.Split != split)
            {
                continue;
            }

            if (line.Label < 0 || line.Label >= selection.Classes.Count)
            {
                throw new ArgumentException($"Cell line {line.ModelId} has label {line.Label}, outside the {selection.Classes.Count} classes.", nameof(selection));
            }

            int take = Math.Min(line.Centres.Count, maxPerLine ?? int.MaxValue);
            for (int i = 0; i < take; i++)
            {
                samples.Add((line, line.Centres[i]));
            }
        }

        var order = new Random(DeriveSeed(seed, 2 * (int)split));
        for (int i = samples.Count - 1; i > 0; i--)
        {
            int j = order.Next(i + 1);
            (samples[i], samples[j]) = (samples[j], samples[i]);
        }

        return samples;
    }

    private static void WriteManifestRow(StreamWriter manifest, long id, string split, SelectedCellLine line, WindowPlacement window, List<Mutation> applied, string shard, long row)
    {
        var text = new StringBuilder(128);
        text.Append(CultureInfo.InvariantCulture, $"{id}\t{split}\t{line.ModelId}\t{line.Label}\t{window.Chrom}\t{window.Start}\t{window.End}\t{window.Offset}\t");
        for (int i = 0; i < applied.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(applied[i].Notation);
        }

        text.Append(CultureInfo.InvariantCulture, $"\t{shard}\t{row}");
        manifest.WriteLine(text);
    }

    /// <summary>Independent streams per purpose from one user seed (SplitMix64 finaliser).</summary>
    private static int DeriveSeed(int seed, int stream)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static string ContentHash(string directory)
    {
        var files = Directory.GetFiles(directory)
            .Select(Path.GetFileName)
            .Where(n => n != InfoFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        var listing = new StringBuilder();
        foreach (string? name in files)
        {
            using FileStream stream = File.OpenRead(Path.Combine(directory, name!));
            listing.Append(name).Append('\t').Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
    }

}
