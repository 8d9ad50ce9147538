using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Training;

/// <summary>Turns a device setting ("cpu", "cuda", "cuda:1", "auto") into a torch device, refusing CUDA when there is none.</summary>
public static class TrainingDevice
{
    public static Device Resolve(string setting)
    {
        var device = TorchSettings.SelectDevice(setting);
        if (device.type == DeviceType.CUDA && !cuda.is_available())
            throw new InvalidOperationException($"Device '{setting}' was asked for but CUDA is not available (build with -p:HyenaFlowTorchBackend=cuda on a machine with a GPU, or use 'cpu' or 'auto').");
        return device;
    }
}
