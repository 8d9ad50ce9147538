using static TorchSharp.torch;

namespace HyenaFlow.Engine.Training;

/// <summary>Turns a device setting ("cpu", "cuda", "cuda:1", "auto") into a torch device, refusing CUDA when there is none.</summary>
public static class TrainingDevice
{
    public static Device Resolve(string setting) => TorchSettings.SelectDevice(setting);
}
