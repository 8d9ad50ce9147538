using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics.Datasets;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Evaluation;

/// <summary>
/// Mean-pooled backbone outputs (the classification head's input) of every sequence, streamed to a
/// float32 .npy file of n × d rows: memory stays at one batch, and the file appears only when complete.
/// </summary>
public static class Embedder
{
    /// <returns>The number of rows written.</returns>
    public static long Embed(HyenaDnaModel model, ISequenceDataset data, string outputNpy, int batchSize = 8, Device? device = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        device ??= model.parameters().First().device;
        var width = model.Config.ModelWidth;
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputNpy));
        if (folder is not null) Directory.CreateDirectory(folder);

        var wasTraining = model.training;
        model.eval();
        try
        {
            using var writer = new NpyWriter(outputNpy, "<f4", [width]);
            var row = new byte[width * sizeof(float)];
            using var noGrad = no_grad();
            for (long first = 0; first < data.Count; first += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var rows = TokenBatch.Range(first, (int)Math.Min(batchSize, data.Count - first));
                var (ids, _) = TokenBatch.Gather(data, rows, device);
                var pooled = model.forward(ids).to(float32).mean([1]).cpu().contiguous();
                var values = pooled.data<float>().ToArray();
                for (var i = 0; i < rows.Length; i++)
                {
                    Buffer.BlockCopy(values, i * width * sizeof(float), row, 0, row.Length);
                    writer.WriteRow(row);
                }
                progress?.Report(first + rows.Length);
            }
            writer.Complete();
        }
        finally
        {
            model.train(wasTraining);
        }
        return data.Count;
    }
}
