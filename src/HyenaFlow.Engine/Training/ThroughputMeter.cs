using System.Diagnostics;
using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Training;

/// <summary>Tokens per second, ETA and MFU of the steps this process has run.</summary>
internal sealed class ThroughputMeter(HyenaDnaModel model, int sequenceLength, int batchSize, long firstStep, long totalSteps, double? peakFlopsPerSecond)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long tokens;

    public void Count(long tokensTrained) => tokens += tokensTrained;

    public TrainingProgress Report(long step, int epoch, double loss, double learningRate, double gradientNorm)
    {
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        var tokensPerSecond = tokens / seconds;
        var stepsDone = Math.Max(step - firstStep, 1);
        var eta = TimeSpan.FromSeconds(seconds / stepsDone * Math.Max(totalSteps - step, 0));
        double? mfu = peakFlopsPerSecond is > 0 ? model.EstimateMfu(sequenceLength, tokensPerSecond, peakFlopsPerSecond.Value, batchSize) : null;
        return new TrainingProgress(step, totalSteps, epoch, loss, learningRate, gradientNorm, tokensPerSecond, eta, mfu);
    }
}
