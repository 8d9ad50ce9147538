using System.Diagnostics;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Engine.Tests.Training;
using HyenaFlow.Genomics.Selection;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests.Evaluation;

public class EvaluatorTests
{
    static EvaluatorTests() => TorchSettings.UseThreads(1);

    [Fact]
    public void ReportMatchesTheModelsOwnLogits()
    {
        using var folder = new TempFolder();
        var directory = TrainingTestData.WriteDataset(Path.Combine(folder.Path, "dataset"), trainCount: 8, testCount: 12);
        using var test = ShardedDataset.Open(directory, Split.Test);
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        model.InitializeWeights(3);

        var report = Evaluator.Evaluate(model, test, batchSize: 5);
        var rebatched = Evaluator.Evaluate(model, test, batchSize: 12);

        var (ids, labels) = TokenBatch.Gather(test, TokenBatch.Range(0, 12), CPU);
        model.eval();
        using var logits = model.ClassLogits(ids);
        var loss = nn.functional.cross_entropy(logits, labels).item<float>();
        var predicted = logits.argmax(1).data<long>().ToArray();
        var actual = labels.data<long>().ToArray();
        var positive = nn.functional.softmax(logits, 1).select(1, 1).to(float64).data<double>().ToArray();

        Assert.Equal(12, report.Sequences);
        Assert.Equal(loss, report.Loss, 5);
        Assert.Equal(predicted.Zip(actual).Count(p => p.First == p.Second) / 12.0, report.Accuracy, 12);
        Assert.Equal(ClassificationMetrics.Auroc(positive, actual.Select(a => a == 1).ToList()), report.Auroc, 5);
        Assert.Equal(12, report.Confusion.Cast<long>().Sum());
        Assert.Equal(TrainingTestData.CellLines.Order(), report.CellLines.Select(c => c.CellLine));
        Assert.Equal(12, report.CellLines.Sum(c => c.Sequences));
        Assert.Equal(report.Accuracy, rebatched.Accuracy);
        Assert.Equal(report.Loss, rebatched.Loss, 5);
    }

    [Fact]
    public void EmbeddingsFileIsNumpyReadableAndHoldsMeanPooledHiddenStates()
    {
        using var folder = new TempFolder();
        var directory = TrainingTestData.WriteDataset(Path.Combine(folder.Path, "dataset"), trainCount: 4, testCount: 11);
        using var test = ShardedDataset.Open(directory, Split.Test);
        using var model = new HyenaDnaModel(TrainingTestData.TinyConfig, classCount: 2);
        model.InitializeWeights(4);
        var output = Path.Combine(folder.Path, "out", "embeddings.npy");

        var rows = Embedder.Embed(model, test, output, batchSize: 4);

        Assert.Equal(11, rows);
        var raw = Path.Combine(folder.Path, "raw.f32");
        var python = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-c", "import numpy as np, sys; a = np.load(sys.argv[1]); print(a.shape, a.dtype); a.tofile(sys.argv[2])", output, raw])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var printed = python.StandardOutput.ReadToEnd().Trim();
        var errors = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, errors);
        Assert.Equal("(11, 32) float32", printed);

        var fromNumpy = new float[11 * 32];
        Buffer.BlockCopy(File.ReadAllBytes(raw), 0, fromNumpy, 0, fromNumpy.Length * sizeof(float));
        var (ids, _) = TokenBatch.Gather(test, TokenBatch.Range(0, 11), CPU);
        model.eval();
        using var noGrad = no_grad();
        var expected = model.forward(ids).mean([1]).data<float>().ToArray();
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], fromNumpy[i], 1e-5f);
    }
}
