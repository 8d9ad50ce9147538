using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// HyenaFlow's half of Figure A alone, for quick before/after comparisons of engine changes: seconds of
/// each full-length training step of the throughput cases after one short warm-up, in this process and
/// without the slow PyTorch reference. Figure A itself warms up at full length, runs each case in a
/// process of its own and reports the median.
/// </summary>
public sealed class StepTimeBench : IBenchmark
{
    public string Name => "steptime";

    public string Description => "Seconds per training step of Figure A's cases, HyenaFlow only";

    public int Order => 10;

    public Task RunAsync(BenchContext context, TextWriter output)
    {
        (HyenaDnaConfig Config, int Length, int Batch, int Steps)[] cases =
            [(HyenaDnaConfig.Tiny1K, 1_026, 8, 3), (HyenaDnaConfig.Small32K, 32_770, context.SmallBatch, 4)];
        foreach (var (config, length, batch, steps) in cases)
        {
            using var step = new LmTrainingStep(config, length, batch);
            var seconds = step.Time(warmup: 1, steps);
            output.WriteLine($"{config.Name} L {length} batch {batch}: s/step {string.Join(", ", seconds.Select(s => Format.F(s, 3)))}; " +
                $"{Format.N0(step.Tokens / seconds.Average())} tokens/s");
        }
        return Task.CompletedTask;
    }
}
