using static TorchSharp.torch;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>Raw little-endian element bytes ↔ CPU tensors, the common ground of .npy, safetensors and torch.save.</summary>
internal static class TensorBytes
{
    public static Tensor ToTensor(ReadOnlySpan<byte> data, ScalarType dtype, long[] shape)
    {
        var tensor = empty(shape, dtype);
        var expected = tensor.numel() * tensor.ElementSize;
        if (data.Length != expected)
        {
            tensor.Dispose();
            throw new InvalidDataException($"Tensor of shape [{string.Join(", ", shape)}] and type {dtype} needs {expected} bytes, found {data.Length}.");
        }
        if (expected > 0) data.CopyTo(tensor.bytes);
        return tensor;
    }

    public static byte[] ToBytes(Tensor tensor)
    {
        using var contiguous = tensor.detach().cpu().contiguous();
        return contiguous.numel() == 0 ? [] : contiguous.bytes.ToArray();
    }

    public static int ElementSize(ScalarType dtype) => dtype switch
    {
        ScalarType.Bool or ScalarType.Byte or ScalarType.Int8 => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new NotSupportedException($"Tensor type {dtype} is not supported."),
    };
}
