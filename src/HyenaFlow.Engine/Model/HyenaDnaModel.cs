using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Model;

/// <summary>
/// HyenaDNA as the official implementation computes it: <c>backbone</c> (hidden states),
/// an optional mean-pooling classification <c>head</c>, and the tied-embedding LM head.
/// The model also owns the facts about itself: parameter counts, optimiser groups,
/// initialisation and a FLOP estimate.
/// </summary>
public sealed class HyenaDnaModel : nn.Module<Tensor, Tensor>
{
    private readonly HyenaDnaBackbone backbone;
    private readonly ClassificationHead? head;

    /// <param name="classCount">Classes of the classification head; null for a backbone (LM) only.</param>
    // Children are registered explicitly under the official state-dict names; TorchSharp's
    // default would add every field again under its C# name.
    protected override void RegisterComponents() { }

    // Every use of the engine builds a model first: the place to make freed tensor memory reusable.
    static HyenaDnaModel() => NativeHeap.KeepFreedMemory();

    public HyenaDnaModel(HyenaDnaConfig config, int? classCount = null) : base(nameof(HyenaDnaModel))
    {
        Config = config;
        backbone = new HyenaDnaBackbone(config);
        register_module("backbone", backbone);
        if (classCount is { } classes)
        {
            head = new ClassificationHead(config.ModelWidth, classes);
            register_module("head", head);
        }
    }

    public HyenaDnaConfig Config { get; }

    public HyenaDnaBackbone Backbone => backbone;

    /// <summary>Classes of the head, or null when the model has none.</summary>
    public int? ClassCount => head?.ClassCount;

    /// <summary>Hidden states after ln_f, B × L × d, for B × L int64 token ids.</summary>
    public override Tensor forward(Tensor inputIds) => backbone.forward(inputIds);

    /// <summary>Classification logits, B × classes.</summary>
    public Tensor ClassLogits(Tensor inputIds)
    {
        var classifier = head ?? throw new InvalidOperationException("This model was built without a classification head.");
        using var scope = NewDisposeScope();
        return classifier.forward(backbone.forward(inputIds)).MoveToOuterDisposeScope();
    }

    /// <summary>Next-token logits with the tied embedding matrix, B × L × padded vocab.</summary>
    public Tensor LmLogits(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        return matmul(backbone.forward(inputIds), backbone.Embeddings.Weight.t()).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Named parameters, each tensor once (the shared Sin frequency is listed under its first
    /// key, implicit_filter.1.freq), as PyTorch's <c>named_parameters()</c> gives them.
    /// </summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> UniqueParameters()
    {
        var seen = new HashSet<IntPtr>();
        var unique = new List<(string, Parameter)>();
        foreach (var (name, parameter) in named_parameters())
            if (seen.Add(parameter.Handle)) unique.Add((name, parameter));
        return unique;
    }

    /// <summary>Number of parameters, the shared frequency counted once (tiny-1k: 436,096 + head).</summary>
    public long ParameterCount => UniqueParameters().Sum(p => p.Parameter.numel());

    /// <summary>Parameters of the backbone only, the figure published for each configuration.</summary>
    public long BackboneParameterCount =>
        UniqueParameters().Where(p => p.Name.StartsWith("backbone.", StringComparison.Ordinal)).Sum(p => p.Parameter.numel());

    /// <summary>
    /// Optimiser groups of the official recipe: the implicit filter MLP (weights, biases and
    /// Sin frequencies) gets no weight decay; everything else does.
    /// </summary>
    public (IReadOnlyList<Parameter> Decay, IReadOnlyList<Parameter> NoDecay) ParameterGroups()
    {
        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        foreach (var (name, parameter) in UniqueParameters())
        {
            if (!parameter.requires_grad) continue;
            (name.Contains(".filter_fn.implicit_filter.", StringComparison.Ordinal) ? noDecay : decay).Add(parameter);
        }
        return (decay, noDecay);
    }

    /// <summary>
    /// The official random initialisation from <paramref name="seed"/> alone (its own generator,
    /// so concurrent torch work cannot change the result): Linear and Embedding weights
    /// N(0, 0.02), biases 0, out_proj and fc2 weights N(0, 0.02/√(2·n_layer)), LayerNorm 1 and 0,
    /// the D term N(0, 1), Sin frequency w, Conv1d PyTorch's default U(±1/√fan_in).
    /// </summary>
    public void InitializeWeights(long seed)
    {
        // Tensor.normal_ honours the generator; nn.init.normal_ in TorchSharp 0.107 does not.
        using var generator = new Generator((ulong)seed);
        var std = Config.InitializerRange;
        var residualStd = std / Math.Sqrt(2.0 * Config.LayerCount);
        var convBound = 1.0 / Math.Sqrt(Config.ShortFilterOrder); // depthwise: fan_in = 1 channel × kernel
        using var noGrad = no_grad();
        foreach (var (name, parameter) in UniqueParameters())
        {
            var leaf = name[(name.LastIndexOf('.') + 1)..];
            if (name.EndsWith("out_proj.weight", StringComparison.Ordinal) || name.EndsWith("mlp.fc2.weight", StringComparison.Ordinal))
                parameter.normal_(0, residualStd, generator);
            else if (name.EndsWith("filter_fn.bias", StringComparison.Ordinal))
                parameter.normal_(0, 1, generator);
            else if (leaf == "freq")
                nn.init.constant_(parameter, Config.SinFrequency);
            else if (name.Contains("short_filter.", StringComparison.Ordinal))
                parameter.uniform_(-convBound, convBound, generator);
            else if (name.Contains(".norm", StringComparison.Ordinal) || name.Contains("ln_f.", StringComparison.Ordinal))
                nn.init.constant_(parameter, leaf == "weight" ? 1 : 0);
            else if (leaf == "bias")
                nn.init.zeros_(parameter);
            else
                parameter.normal_(0, std, generator);
        }
    }

    /// <summary>
    /// Approximate forward FLOPs per token at <paramref name="sequenceLength"/> with
    /// <paramref name="batchSize"/> sequences per forward: 2 per weight of the dense layers
    /// (in_proj, out_proj, fc1, fc2); per layer the implicit filter MLP, 2 per weight at each of
    /// the L positions, once per forward (so shared by the batch); and per layer and channel the
    /// FFTs of the long convolution, ≈ 2.5·n·log₂n each at the size n the model uses
    /// (<see cref="HyenaFilter.FftSize"/>): rfft(u) and irfft per sequence, rfft(k) once per
    /// forward. Element-wise work (norms, GELU, gating, the short conv) is not counted.
    /// </summary>
    public double ForwardFlopsPerToken(int sequenceLength, int batchSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        bool IsWeight(string name) => name.EndsWith(".weight", StringComparison.Ordinal);
        double WeightsWhere(Func<string, bool> isPart) =>
            UniqueParameters().Where(p => IsWeight(p.Name) && isPart(p.Name)).Sum(p => (double)p.Parameter.numel());
        var dense = WeightsWhere(name => name.EndsWith("proj.weight", StringComparison.Ordinal) || name.Contains(".mlp.fc", StringComparison.Ordinal));
        var filterMlp = WeightsWhere(name => name.Contains(".filter_fn.implicit_filter.", StringComparison.Ordinal)) / batchSize;
        double fftSize = HyenaFilter.FftSize(sequenceLength);
        var fftsPerChannel = (2 + 1.0 / batchSize) * 2.5 * fftSize * Math.Log2(fftSize) / sequenceLength;
        return 2 * (dense + filterMlp) + Config.LayerCount * Config.ModelWidth * fftsPerChannel;
    }

    /// <summary>
    /// Model FLOPs utilisation of training (forward + backward ≈ 3 × forward) at the measured
    /// throughput, as a fraction of <paramref name="peakFlopsPerSecond"/>.
    /// </summary>
    public double EstimateMfu(int sequenceLength, double tokensPerSecond, double peakFlopsPerSecond, int batchSize = 1) =>
        3 * ForwardFlopsPerToken(sequenceLength, batchSize) * tokensPerSecond / peakFlopsPerSecond;
}
