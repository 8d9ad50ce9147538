using System.Diagnostics;
using HyenaFlow.Engine.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// One pre-training step exactly as the PyTorch reference does it: next-token cross-entropy through
/// the tied LM head, backward, AdamW with the official groups (lr 6e-4, weight decay 0.1, none on the
/// implicit filter MLP). Random tokens; PyTorch's default initialisation on both sides.
/// </summary>
public sealed class LmTrainingStep : IDisposable
{
    private readonly HyenaDnaModel model;
    private readonly AdamW optimizer;
    private readonly Tensor ids;
    private readonly Tensor warmupIds;

    /// <summary>
    /// Short warm-up steps (<see cref="Warmup"/>) run at most this many tokens per sequence, enough to create
    /// the optimiser state and first-use kernels; the throughput figure warms up at full length instead.
    /// </summary>
    public const int WarmupLength = 4_096;

    public LmTrainingStep(HyenaDnaConfig config, int length, int batch, long seed = 7)
    {
        manual_seed(seed);
        model = new HyenaDnaModel(config);
        model.train();
        optimizer = CreateOptimizer(model);
        using var generator = new Generator((ulong)seed);
        ids = randint(7, 11, [batch, length], dtype: int64, generator: generator);
        warmupIds = ids.narrow(1, 0, Math.Min(length, WarmupLength));
        Tokens = (long)batch * length;
    }

    public long Tokens { get; }

    public HyenaDnaModel Model => model;

    /// <summary>AdamW of the official recipe over <paramref name="model"/>'s groups.</summary>
    public static AdamW CreateOptimizer(HyenaDnaModel model)
    {
        var (decay, noDecay) = model.ParameterGroups();
        return optim.AdamW(
            [
                new AdamW.ParamGroup(decay, new AdamW.Options { weight_decay = 0.1 }),
                new AdamW.ParamGroup(noDecay, new AdamW.Options { weight_decay = 0.0 }),
            ],
            lr: 6e-4, beta1: 0.9, beta2: 0.999);
    }

    /// <summary>Mean next-token cross-entropy over all positions but the last.</summary>
    public static Tensor LmLoss(HyenaDnaModel model, Tensor ids)
    {
        using var scope = NewDisposeScope();
        var logits = model.LmLogits(ids);
        var length = ids.shape[1];
        var predicted = logits.narrow(1, 0, length - 1).reshape(-1, logits.shape[^1]);
        var next = ids.narrow(1, 1, length - 1).reshape(-1);
        return nn.functional.cross_entropy(predicted, next).MoveToOuterDisposeScope();
    }

    /// <summary>Forward, backward and optimiser step at the full length; returns the loss.</summary>
    public float Step() => Step(ids);

    /// <summary>A step at a short length (see <see cref="WarmupLength"/>).</summary>
    public float Warmup() => Step(warmupIds);

    private float Step(Tensor batchIds)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = LmLoss(model, batchIds);
        loss.backward();
        optimizer.step();
        FinalizerDrain.Run();
        return loss.item<float>();
    }

    /// <summary>
    /// Seconds of each of <paramref name="steps"/> full-length steps after <paramref name="warmup"/> untimed ones,
    /// short unless <paramref name="fullLengthWarmup"/>: the first full-length step also grows the heap to its
    /// peak, page fault by page fault, which later steps of a training run no longer pay.
    /// </summary>
    public IReadOnlyList<double> Time(int warmup, int steps, bool fullLengthWarmup = false)
    {
        for (var i = 0; i < warmup; i++)
            if (fullLengthWarmup) Step();
            else Warmup();
        var seconds = new List<double>();
        for (var i = 0; i < steps; i++)
        {
            var watch = Stopwatch.StartNew();
            Step();
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        return seconds;
    }

    /// <summary>Mean seconds of forward (to the loss), backward and the AdamW step over <paramref name="steps"/> full-length steps.</summary>
    public (double Forward, double Backward, double Optimizer) TimeParts(int steps)
    {
        double forward = 0, backward = 0, adam = 0;
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var watch = Stopwatch.StartNew();
            var loss = LmLoss(model, ids);
            forward += watch.Elapsed.TotalSeconds;
            watch.Restart();
            loss.backward();
            backward += watch.Elapsed.TotalSeconds;
            watch.Restart();
            optimizer.step();
            FinalizerDrain.Run();
            adam += watch.Elapsed.TotalSeconds;
        }
        return (forward / steps, backward / steps, adam / steps);
    }

    public void Dispose()
    {
        warmupIds.Dispose();
        ids.Dispose();
        optimizer.Dispose();
        model.Dispose();
    }
}
