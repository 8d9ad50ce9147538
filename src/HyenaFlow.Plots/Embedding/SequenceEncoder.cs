using HyenaFlow.Engine.Model;
using static TorchSharp.torch;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// Mean-pooled backbone outputs of token rows, as <see cref="HyenaFlow.Engine.Evaluation.Embedder"/> computes
/// them (hidden states after ln_f averaged over every position), kept in memory for UMAP.
/// </summary>
public static class SequenceEncoder
{
    /// <returns>points × d_model.</returns>
    public static float[,] MeanPooled(HyenaDnaModel model, IReadOnlyList<byte[]> tokens, int batchSize = 8, Device? device = null,
        IProgress<int>? rowsDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (tokens.Count == 0) throw new ArgumentException("No sequences to embed.", nameof(tokens));
        int width = tokens[0].Length;
        if (tokens.Any(t => t.Length != width)) throw new ArgumentException("All token rows must have the same length.", nameof(tokens));
        if (width > model.Config.MaxLength)
        {
            throw new ArgumentException(
                $"Sequences of {width:N0} tokens do not fit the {model.Config.Name} model, which holds {model.Config.MaxLength:N0}; use a shorter length or a longer-context model.",
                nameof(tokens));
        }

        device ??= model.parameters().First().device;
        int dimensions = model.Config.ModelWidth;
        var result = new float[tokens.Count, dimensions];
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var ids = new long[batchSize * width];
            for (int first = 0; first < tokens.Count; first += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                int rows = Math.Min(batchSize, tokens.Count - first);
                for (int r = 0; r < rows; r++)
                {
                    byte[] row = tokens[first + r];
                    for (int t = 0; t < width; t++) ids[r * width + t] = row[t];
                }

                var input = tensor(ids.AsSpan(0, rows * width).ToArray(), [rows, width]).to(device);
                var pooled = model.forward(input).to(float32).mean([1]).cpu().contiguous();
                float[] values = pooled.data<float>().ToArray();
                Buffer.BlockCopy(values, 0, result, first * dimensions * sizeof(float), values.Length * sizeof(float));
                rowsDone?.Report(first + rows);
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        return result;
    }
}
