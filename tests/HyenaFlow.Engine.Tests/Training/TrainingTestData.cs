using System.Text.Json;
using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Tokenization;

namespace HyenaFlow.Engine.Tests.Training;

/// <summary>
/// Small models and a trivially separable dataset written as real HyenaFlow shards: class 0
/// sequences are rich in A, class 1 in C; two cell lines per class.
/// </summary>
public static class TrainingTestData
{
    /// <summary>A tiny HyenaDNA (d = 32, 2 layers) that trains in milliseconds per step on one thread.</summary>
    public static HyenaDnaConfig TinyConfig { get; } = HyenaDnaConfig.Tiny1K with
    {
        Name = "test-tiny",
        MaxLength = 130,
        ModelWidth = 32,
        MlpWidth = 64,
        FilterOrder = 16,
    };

    public static readonly string[] CellLines = ["LUNG_A", "LUNG_B", "BLOOD_A", "BLOOD_B"];

    /// <summary>Token rows ([CLS] bases [SEP]) of <paramref name="bases"/> bases, alternating classes.</summary>
    public static (List<byte[]> Tokens, List<long> Labels, List<string> CellLines) Sequences(int count, int bases, int seed)
    {
        var random = new Random(seed);
        var tokens = new List<byte[]>();
        var labels = new List<long>();
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            var rich = label == 0 ? 'A' : 'C';
            var text = new string(Enumerable.Range(0, bases).Select(_ => random.NextDouble() < 0.6 ? rich : "ACGT"[random.Next(4)]).ToArray());
            tokens.Add(CharacterTokenizer.Default.Encode(text));
            labels.Add(label);
            lines.Add(CellLines[label * 2 + (i / 2) % 2]);
        }
        return (tokens, labels, lines);
    }

    /// <summary>Writes a dataset directory with train and test splits (train in shards of <paramref name="rowsPerShard"/>).</summary>
    public static string WriteDataset(string directory, int trainCount = 64, int testCount = 32, int bases = 32, int rowsPerShard = 40)
    {
        Directory.CreateDirectory(directory);
        var width = bases + 2;
        var splits = new List<SplitInfo>();
        using var samples = new StreamWriter(Path.Combine(directory, DatasetBuilder.SamplesFile));
        samples.WriteLine(string.Join('\t', DatasetSample.Columns));
        long id = 0;
        foreach (var (split, count, seed) in new[] { ("train", trainCount, 1), ("test", testCount, 2) })
        {
            var (tokens, labels, lines) = Sequences(count, bases, seed);
            var shards = new List<ShardInfo>();
            for (var first = 0; first < count; first += rowsPerShard)
            {
                var rows = Math.Min(rowsPerShard, count - first);
                var tokensName = $"{split}-{shards.Count:D5}.npy";
                var labelsName = $"{split}-{shards.Count:D5}.labels.npy";
                using (var tokenWriter = new NpyWriter(Path.Combine(directory, tokensName), "|u1", [width]))
                using (var labelWriter = new NpyWriter(Path.Combine(directory, labelsName), "<i8", []))
                {
                    for (var r = 0; r < rows; r++)
                    {
                        tokenWriter.WriteRow(tokens[first + r]);
                        labelWriter.WriteRow(BitConverter.GetBytes(labels[first + r]));
                        samples.WriteLine($"{id++}\t{split}\t{lines[first + r]}\t{labels[first + r]}\tchr1\t{1000 * id}\t{1000 * id + bases}\t0\t\t{tokensName}\t{r}");
                    }
                    tokenWriter.Complete();
                    labelWriter.Complete();
                }
                shards.Add(new ShardInfo(tokensName, labelsName, rows));
            }
            var none = MutationStatistics.From(new Dictionary<int, long>());
            splits.Add(new SplitInfo(split, count, new Dictionary<string, long> { ["lung"] = count / 2, ["lymphoid"] = count - count / 2 }, none, shards));
        }

        var info = new DatasetInfo(DatasetInfo.FormatName, 1, bases, width, 7, 7, 1, null, ["lung", "lymphoid"],
            new TokenizerInfo("character", CharacterTokenizer.Vocabulary, false, "left", "[CLS] bases [SEP]"),
            splits, MutationStatistics.From(new Dictionary<int, long>()), 0, "test");
        File.WriteAllText(Path.Combine(directory, DatasetBuilder.InfoFile),
            JsonSerializer.Serialize(info, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        return directory;
    }

    /// <summary>Resident memory of this process in KiB (VmRSS of /proc/self/status).</summary>
    public static long ResidentKiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every parameter and buffer of a model, copied to the CPU, by name.</summary>
    public static Dictionary<string, float[]> Snapshot(HyenaDnaModel model)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().cpu().to(TorchSharp.torch.float32).data<float>().ToArray());
    }
}

/// <summary>Tests that train: they use torch's process-wide generator and measure process memory, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTrainingCollection
{
    public const string Name = "serial training";
}
