using System.Text.Json;
using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Cross-check that the PyTorch reference is the same model: both load the tiny-1k fixture weights,
/// compute the LM loss on the fixture ids, the gradient norm, and the loss after one AdamW step
/// (embedding dropout off, so both are deterministic).
/// </summary>
public sealed class ParityBench : IBenchmark
{
    private const string Fixture = "/work/shared/fixtures/hyenadna";

    public string Name => "parity";

    public string Description => "Cross-check: HyenaFlow and the PyTorch reference give the same loss, gradient norm and post-step loss";

    public int Order => 0;

    public Task RunAsync(BenchContext context, TextWriter output)
    {
        var weights = Path.Combine(Fixture, "weights");
        var idsPath = Path.Combine(Fixture, "input_ids.npy");
        if (!Directory.Exists(weights) || !File.Exists(idsPath))
        {
            output.WriteLine($"skipped: fixture not found under {Fixture}");
            return Task.CompletedTask;
        }

        var ours = Ours(weights, idsPath);
        JsonElement theirs;
        try
        {
            theirs = PyTorchReference.Run(context.Threads, optimisedBlas: false, "--mode", "parity", "--config", "tiny-1k", "--weights", weights, "--input-ids", idsPath);
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine($"reference failed: {e.Message}");
            return Task.CompletedTask;
        }

        output.WriteLine(Format.Row("tiny-1k fixture, LM loss", "HyenaFlow", "PyTorch reference", "abs. difference"));
        output.WriteLine(Format.Separator(4));
        foreach (var (label, value, key) in new[] { ("loss", ours.Loss, "loss"), ("gradient L2 norm", ours.GradNorm, "grad_norm"), ("loss after one AdamW step", ours.After, "loss_after_step") })
        {
            var reference = theirs.GetProperty(key).GetDouble();
            output.WriteLine(Format.Row(label, Format.F(value, 6), Format.F(reference, 6), Math.Abs(value - reference).ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture)));
        }
        return Task.CompletedTask;
    }

    private static (double Loss, double GradNorm, double After) Ours(string weights, string idsPath)
    {
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K with { EmbedDropout = 0 });
        var report = HyenaDnaCheckpoint.Import(weights, model, strict: false);
        if (report.Missing.Count > 0)
            throw new InvalidOperationException($"fixture weights lack {string.Join(", ", report.Missing)}");
        model.train();
        using var optimizer = LmTrainingStep.CreateOptimizer(model);
        using var scope = NewDisposeScope();
        var ids = NpyFile.Read(idsPath).to(int64);
        var loss = LmTrainingStep.LmLoss(model, ids);
        loss.backward();
        var gradNorm = Math.Sqrt(model.UniqueParameters().Where(p => p.Parameter.grad is not null).Sum(p => p.Parameter.grad!.square().sum().item<float>()));
        optimizer.step();
        using var noGrad = no_grad();
        var after = LmTrainingStep.LmLoss(model, ids).item<float>();
        return (loss.item<float>(), gradNorm, after);
    }
}
