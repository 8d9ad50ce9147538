using System.Text.Json;
using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>
/// The <c>config.json</c> of a published HyenaDNA repository (the official backbone settings:
/// <c>d_model</c>, <c>n_layer</c>, <c>d_inner</c>, … with the Hyena operator's under <c>layer</c>) as a
/// <see cref="HyenaDnaConfig"/>, named after the published configuration it equals.
/// </summary>
public static class PublishedCheckpointConfig
{
    /// <exception cref="InvalidDataException">The file is not JSON, or a setting is missing or of the wrong type; the message names the file and the JSON path.</exception>
    public static HyenaDnaConfig Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}): expected the checkpoint's config.json with d_model, n_layer and layer.l_max. {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: $: expected a JSON object with d_model, n_layer and layer.l_max, found {root.ValueKind}.");
            var reader = new Reader(path, root);
            int width = reader.Integer("d_model") ?? throw reader.Missing("d_model");
            var config = new HyenaDnaConfig
            {
                Name = "custom",
                ModelWidth = width,
                LayerCount = reader.Integer("n_layer") ?? throw reader.Missing("n_layer"),
                MlpWidth = reader.Integer("d_inner") ?? 4 * width,
                MaxLength = reader.Integer("layer.l_max") ?? reader.Integer("max_seq_len") ?? throw reader.Missing("layer.l_max"),
            };
            config = config with
            {
                VocabSize = reader.Integer("vocab_size") ?? config.VocabSize,
                PadVocabSizeMultiple = reader.Integer("pad_vocab_size_multiple") ?? config.PadVocabSizeMultiple,
                FilterEmbeddingDim = reader.Integer("layer.emb_dim") ?? config.FilterEmbeddingDim,
                FilterOrder = reader.Integer("layer.filter_order") ?? config.FilterOrder,
                ShortFilterOrder = reader.Integer("layer.short_filter_order") ?? reader.Integer("layer.local_order") ?? config.ShortFilterOrder,
                SinFrequency = reader.Number("layer.w") ?? config.SinFrequency,
                Modulate = reader.Flag("layer.modulate") ?? config.Modulate,
                EmbedDropout = reader.Number("embed_dropout") ?? config.EmbedDropout,
                ResidDropout = reader.Number("resid_dropout") ?? config.ResidDropout,
                LayerNormEpsilon = reader.Number("layer_norm_epsilon") ?? config.LayerNormEpsilon,
            };
            return HyenaDnaConfig.Named.FirstOrDefault(n => n with { Name = config.Name } == config) ?? config;
        }
    }

    private sealed class Reader(string path, JsonElement root)
    {
        public int? Integer(string dotted)
        {
            if (Find(dotted) is not { } value) return null;
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n > 0
                ? n
                : throw Wrong(dotted, "a positive integer", value);
        }

        public double? Number(string dotted)
        {
            if (Find(dotted) is not { } value) return null;
            return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Wrong(dotted, "a number", value);
        }

        public bool? Flag(string dotted)
        {
            if (Find(dotted) is not { } value) return null;
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Wrong(dotted, "true or false", value);
        }

        public InvalidDataException Missing(string dotted) =>
            new($"{path}: $.{dotted}: missing; expected the published HyenaDNA config.json (d_model, n_layer, layer.l_max).");

        private InvalidDataException Wrong(string dotted, string expected, JsonElement value) =>
            new($"{path}: $.{dotted}: expected {expected}, found {value.ValueKind} {value.GetRawText()}.");

        private JsonElement? Find(string dotted)
        {
            var element = root;
            foreach (var part in dotted.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
                    return null;
            }
            return element.ValueKind == JsonValueKind.Null ? null : element;
        }
    }
}
