using System.Text.Json;
using System.Text.RegularExpressions;
using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>
/// Loads published and own HyenaDNA checkpoints into a <see cref="HyenaDnaModel"/>:
/// Lightning <c>weights.ckpt</c> (keys <c>model.backbone.…</c>), torch.save state dicts,
/// safetensors and .npy folders. Keys are matched exactly or, for other prefixes such as the
/// <c>-hf</c> repositories' <c>hyena.backbone.…</c>, by their model-key suffix.
/// </summary>
public static partial class HyenaDnaCheckpoint
{
    private const string TiedLmHead = "lm_head.weight";

    /// <summary>Copies the checkpoint's tensors into <paramref name="model"/>.</summary>
    /// <param name="strict">Throw <see cref="CheckpointMismatchException"/> listing every missing,
    /// unexpected or mis-shaped key; otherwise load what fits and report the rest. A checkpoint
    /// without any head keys (a pre-trained backbone) leaves the model's head initialised either way.</param>
    public static CheckpointImportReport Import(string path, HyenaDnaModel model, bool strict = true)
    {
        using var checkpoint = CheckpointTensors.Read(path);
        return Import(checkpoint, model, strict);
    }

    public static CheckpointImportReport Import(CheckpointTensors checkpoint, HyenaDnaModel model, bool strict = true)
    {
        var targets = model.state_dict();
        var ignored = new List<string>(checkpoint.Ignored);
        var unexpected = new List<string>();
        var misShaped = new List<string>();
        var mapped = new List<(string ModelKey, Tensor Source)>();

        foreach (var (key, tensor) in checkpoint.Tensors)
        {
            var modelKey = MapKey(key, targets.Keys);
            if (modelKey is null)
            {
                if (key == TiedLmHead || key.EndsWith("." + TiedLmHead, StringComparison.Ordinal))
                    ignored.Add($"{key} (LM head tied to the embedding)");
                else
                    unexpected.Add(key);
                continue;
            }
            var target = targets[modelKey];
            if (!target.shape.SequenceEqual(tensor.shape))
            {
                misShaped.Add($"{modelKey}: checkpoint [{string.Join(", ", tensor.shape)}] vs model [{string.Join(", ", target.shape)}]");
                continue;
            }
            mapped.Add((modelKey, tensor));
        }

        var loadedKeys = mapped.Select(m => m.ModelKey).ToHashSet(StringComparer.Ordinal);
        var checkpointHasHead = loadedKeys.Any(IsHeadKey) || misShaped.Any(IsHeadKey);
        var headInitialized = model.ClassCount is not null && !checkpointHasHead;
        var missing = targets.Keys
            .Where(k => !loadedKeys.Contains(k) && !(headInitialized && IsHeadKey(k)) && !misShaped.Any(m => m.StartsWith(k + ":", StringComparison.Ordinal)))
            .ToList();

        if (strict && (missing.Count > 0 || unexpected.Count > 0 || misShaped.Count > 0))
            throw new CheckpointMismatchException(checkpoint.Path, missing, unexpected, misShaped);

        using (no_grad())
        {
            foreach (var (modelKey, source) in mapped) targets[modelKey].copy_(source);
        }
        return new CheckpointImportReport(mapped.Select(m => m.ModelKey).ToList(), ignored, headInitialized, missing, unexpected, misShaped);
    }

    /// <summary>
    /// Builds a model shaped like the checkpoint (shapes read from its tensors; vocabulary,
    /// dropouts and the like from a <c>config.json</c> beside it when present) and imports it strictly.
    /// </summary>
    public static HyenaDnaModel LoadPretrained(string path, int? classCount = null)
    {
        using var checkpoint = CheckpointTensors.Read(path);
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var configJson = Path.Combine(folder, "config.json");
        var config = InferConfig(checkpoint, File.Exists(configJson) ? configJson : null);
        var model = new HyenaDnaModel(config, classCount);
        try
        {
            Import(checkpoint, model, strict: true);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The configuration whose shapes the checkpoint's tensors have.</summary>
    public static HyenaDnaConfig InferConfig(CheckpointTensors checkpoint, string? configJsonPath = null)
    {
        long[] Shape(string suffix)
        {
            var match = checkpoint.Tensors.FirstOrDefault(t => t.Key == suffix || t.Key.EndsWith("." + suffix, StringComparison.Ordinal));
            return match.Value?.shape ?? throw new InvalidDataException($"{checkpoint.Path}: no tensor '{suffix}'; is this a HyenaDNA checkpoint?");
        }

        var embedding = Shape("backbone.embeddings.word_embeddings.weight");
        var layerCount = checkpoint.Tensors.Keys
            .Select(k => LayerIndex().Match(k))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)
            .DefaultIfEmpty(0).Max();
        var z = Shape("backbone.layers.0.mixer.filter_fn.pos_emb.z");
        var firstFilter = Shape("backbone.layers.0.mixer.filter_fn.implicit_filter.0.weight");
        var shapes = new HyenaDnaConfig
        {
            Name = "custom",
            ModelWidth = (int)embedding[1],
            LayerCount = layerCount,
            MlpWidth = (int)Shape("backbone.layers.0.mlp.fc1.weight")[0],
            MaxLength = (int)z[1],
            FilterEmbeddingDim = (int)firstFilter[1],
            FilterOrder = (int)firstFilter[0],
            ShortFilterOrder = (int)Shape("backbone.layers.0.mixer.short_filter.weight")[2],
        };
        var config = configJsonPath is null ? shapes : ApplyConfigJson(shapes, configJsonPath);
        if (config.PaddedVocabSize != embedding[0])
            config = config with { VocabSize = (int)embedding[0] }; // vocabulary unknown: treat all rows as tokens
        var named = HyenaDnaConfig.Named.FirstOrDefault(n => n with { Name = config.Name } == config);
        return named ?? config;
    }

    /// <summary>Non-shape settings from an official or -hf <c>config.json</c>.</summary>
    private static HyenaDnaConfig ApplyConfigJson(HyenaDnaConfig config, string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var layer = root.TryGetProperty("layer", out var l) && l.ValueKind == JsonValueKind.Object ? l : root;
        double? Number(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        bool? Flag(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

        return config with
        {
            VocabSize = (int)(Number(root, "vocab_size") ?? config.VocabSize),
            PadVocabSizeMultiple = (int)(Number(root, "pad_vocab_size_multiple") ?? config.PadVocabSizeMultiple),
            EmbedDropout = Number(root, "embed_dropout") ?? config.EmbedDropout,
            ResidDropout = Number(root, "resid_dropout") ?? config.ResidDropout,
            LayerNormEpsilon = Number(root, "layer_norm_epsilon") ?? config.LayerNormEpsilon,
            SinFrequency = Number(layer, "w") ?? Number(root, "activation_freq") ?? config.SinFrequency,
            Modulate = Flag(layer, "modulate") ?? config.Modulate,
        };
    }

    /// <summary>The model key that <paramref name="key"/> names: itself, or the longest model key it ends with.</summary>
    private static string? MapKey(string key, IEnumerable<string> modelKeys)
    {
        string? best = null;
        foreach (var candidate in modelKeys)
        {
            if (candidate == key) return key;
            if (key.EndsWith("." + candidate, StringComparison.Ordinal) && (best is null || candidate.Length > best.Length))
                best = candidate;
        }
        return best;
    }

    private static bool IsHeadKey(string key) => key.StartsWith("head.", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:^|\.)layers\.(\d+)\.")]
    private static partial Regex LayerIndex();
}
