namespace HyenaFlow.Engine.Model;

/// <summary>
/// Every shape of a HyenaDNA model (official names in comments); the modules derive the rest.
/// The named configurations are those of the published checkpoints.
/// </summary>
public sealed record HyenaDnaConfig
{
    public required string Name { get; init; }

    /// <summary>Longest sequence in tokens, special tokens included (layer.l_max).</summary>
    public required int MaxLength { get; init; }

    public required int ModelWidth { get; init; }        // d_model
    public required int LayerCount { get; init; }        // n_layer
    public required int MlpWidth { get; init; }          // d_inner

    public int VocabSize { get; init; } = 12;
    public int PadVocabSizeMultiple { get; init; } = 8;
    public int FilterEmbeddingDim { get; init; } = 5;     // layer.emb_dim
    public int FilterOrder { get; init; } = 64;           // layer.filter_order (width of the filter MLP)
    public int ShortFilterOrder { get; init; } = 3;
    public double SinFrequency { get; init; } = 10.0;     // layer.w
    public bool Modulate { get; init; } = true;
    public double EmbedDropout { get; init; } = 0.1;
    public double ResidDropout { get; init; } = 0.0;
    public double LayerNormEpsilon { get; init; } = 1e-5;
    public double InitializerRange { get; init; } = 0.02;

    /// <summary>Embedding rows: the vocabulary padded up to a multiple of <see cref="PadVocabSizeMultiple"/>.</summary>
    public int PaddedVocabSize => (VocabSize + PadVocabSizeMultiple - 1) / PadVocabSizeMultiple * PadVocabSizeMultiple;

    /// <summary>
    /// Trainable parameters of a model with this configuration (the shared Sin frequency once),
    /// computed from the shapes without building the model; equals <see cref="HyenaDnaModel.ParameterCount"/>.
    /// </summary>
    /// <param name="classCount">Classes of the classification head, or null for the backbone alone.</param>
    public long ParameterCount(int? classCount = null)
    {
        long d = ModelWidth, inner = MlpWidth, order = FilterOrder, projected = 3 * d;
        var mixer = projected * d + projected      // in_proj
            + d * d + d                            // out_proj
            + projected * ShortFilterOrder + projected // depthwise short_filter
            + d                                    // filter_fn.bias (D)
            + FilterEmbeddingDim * order + order   // implicit_filter.0
            + 2 * (order * order + order)          // implicit_filter.2, .4
            + order * d                            // implicit_filter.6 (no bias)
            + order;                               // the shared Sin freq
        var layer = mixer + 4 * d + (d * inner + inner) + (inner * d + d);
        var backbone = PaddedVocabSize * d + LayerCount * layer + 2 * d;
        return backbone + (classCount is { } c ? d * c + c : 0);
    }

    public static HyenaDnaConfig Tiny1K { get; } = new() { Name = "tiny-1k", MaxLength = 1_026, ModelWidth = 128, LayerCount = 2, MlpWidth = 512 };
    public static HyenaDnaConfig Small32K { get; } = new() { Name = "small-32k", MaxLength = 32_770, ModelWidth = 256, LayerCount = 4, MlpWidth = 1_024 };
    public static HyenaDnaConfig Medium160K { get; } = new() { Name = "medium-160k", MaxLength = 160_002, ModelWidth = 256, LayerCount = 8, MlpWidth = 1_024 };
    public static HyenaDnaConfig Medium450K { get; } = new() { Name = "medium-450k", MaxLength = 450_002, ModelWidth = 256, LayerCount = 8, MlpWidth = 1_024 };
    public static HyenaDnaConfig Large1M { get; } = new() { Name = "large-1m", MaxLength = 1_000_002, ModelWidth = 256, LayerCount = 8, MlpWidth = 1_024 };

    public static IReadOnlyList<HyenaDnaConfig> Named { get; } = [Tiny1K, Small32K, Medium160K, Medium450K, Large1M];

    /// <summary>The named configuration, e.g. "tiny-1k" (case-insensitive).</summary>
    public static HyenaDnaConfig FromName(string name) =>
        Named.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Unknown HyenaDNA configuration '{name}'; expected one of: {string.Join(", ", Named.Select(c => c.Name))}.", nameof(name));
}
