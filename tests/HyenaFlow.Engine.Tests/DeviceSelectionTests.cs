using HyenaFlow.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests;

/// <summary>
/// `--device auto` (and the activities' default) picks CUDA exactly when LibTorch can use a GPU: the CPU build, or
/// the CUDA build (-p:HyenaFlowTorchBackend=cuda) on a host without a GPU, gives the CPU; the CUDA build on a GPU
/// host gives cuda. An explicit cuda request without a GPU fails with a message that says what to do.
/// </summary>
public class DeviceSelectionTests
{
    [Theory]
    [InlineData("auto")]
    [InlineData("")]
    [InlineData(null)]
    public void Auto_chooses_cuda_exactly_when_it_is_available(string? setting)
    {
        var expected = cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;
        Assert.Equal(expected, TorchSettings.SelectDevice(setting).type);
        Assert.Equal(expected, TrainingDevice.Resolve(setting ?? "").type);
    }

    [Fact]
    public void Auto_computes_on_the_device_it_chose()
    {
        var device = TorchSettings.SelectDevice("auto");
        using var values = torch.arange(4, dtype: float32, device: device);
        using var sum = values.sum();
        using var onCpu = sum.cpu();
        Assert.Equal(device.type, sum.device_type);
        Assert.Equal(6f, onCpu.item<float>());
    }

    [Fact]
    public void Cpu_is_cpu_wherever_it_runs()
    {
        Assert.Equal(DeviceType.CPU, TrainingDevice.Resolve("cpu").type);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("CUDA:0")]
    public void Asking_for_cuda_without_a_gpu_fails_clearly(string setting)
    {
        if (cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, TorchSettings.SelectDevice(setting).type);
            return;
        }

        // Refused by the selection itself (the CLI verbs and activities call it directly), not by LibTorch later on.
        var error = Assert.Throws<InvalidOperationException>(() => TorchSettings.SelectDevice(setting));
        Assert.Equal($"Device '{setting}' was asked for but CUDA is not available (build with -p:HyenaFlowTorchBackend=cuda on a machine with a GPU, or use 'cpu' or 'auto').", error.Message);
        Assert.Equal(error.Message, Assert.Throws<InvalidOperationException>(() => TrainingDevice.Resolve(setting)).Message);
    }

    [Fact]
    public void An_unknown_device_is_refused_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => TorchSettings.SelectDevice("gpu"));
        Assert.Equal("device 'gpu': expected cpu, cuda, cuda:N or auto", error.Message);
    }
}
