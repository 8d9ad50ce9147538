namespace HyenaFlow.Engine.Model.Fused;

/// <summary>Raw access to a CPU tensor's storage for the fused kernels.</summary>
internal static unsafe class TensorMemory
{
    /// <summary>
    /// The address of the first element of a contiguous CPU tensor. Valid while the tensor lives; LibTorch
    /// never moves a tensor's storage.
    /// </summary>
    public static nint Address(TorchSharp.torch.Tensor contiguous)
    {
        fixed (byte* data = contiguous.bytes) return (nint)data;
    }
}
