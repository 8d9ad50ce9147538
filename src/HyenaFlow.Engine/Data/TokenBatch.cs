using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Data;

/// <summary>Gathers rows of a dataset into tensors on a device: token ids (B × T, int64) and labels (B, int64).</summary>
public static class TokenBatch
{
    /// <summary>Token ids and labels of <paramref name="rows"/>; the tensors belong to the caller's dispose scope.</summary>
    public static (Tensor Ids, Tensor Labels) Gather(ISequenceDataset data, ReadOnlySpan<long> rows, Device device)
    {
        var width = data.TokensPerSequence;
        var ids = new long[rows.Length * width];
        var labels = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            data.CopyTokens(rows[i], ids.AsSpan(i * width, width));
            labels[i] = data.Label(rows[i]);
        }
        return (ToDevice(tensor(ids, [rows.Length, width]), device), ToDevice(tensor(labels), device));
    }

    /// <summary>Rows first … first+count−1 in order (evaluation and embedding).</summary>
    public static long[] Range(long first, int count)
    {
        var rows = new long[count];
        for (var i = 0; i < count; i++) rows[i] = first + i;
        return rows;
    }

    internal static Tensor ToDevice(Tensor cpuTensor, Device device) =>
        device.type == DeviceType.CPU ? cpuTensor : cpuTensor.to(device);
}
