using TorchSharp;

namespace HyenaFlow.Engine.Tests;

public class TorchRuntimeTests
{
    [Fact]
    public void NativeLibTorchLoadsWithTheExpectedVersion()
    {
        Assert.StartsWith("2.10.0", torch.__version__);
        using var sum = torch.arange(4, dtype: torch.float32).sum();
        Assert.Equal(6f, sum.item<float>());
    }
}
