using HyenaFlow.Engine.Model.Fused;
using static TorchSharp.torch;

namespace HyenaFlow.Engine.Tests.Fused;

public class OpenMpTeamTests
{
    [Fact]
    public void WorkRunsOnLibTorchsThreadsEachItemOnce()
    {
        using var _ = ones(1); // LibTorch, and with it its libgomp, is loaded
        Assert.True(OpenMpTeam.UsesLibTorchTeam);
        var counts = new int[37];
        var threads = new HashSet<int>();
        OpenMpTeam.For(counts.Length, 2, item =>
        {
            Interlocked.Increment(ref counts[item]);
            lock (threads) threads.Add(Environment.CurrentManagedThreadId);
        });
        Assert.All(counts, count => Assert.Equal(1, count));
        Assert.Equal(2, threads.Count); // the calling thread and one of LibTorch's workers
    }

    [Fact]
    public void AnExceptionInAnItemReachesTheCaller()
    {
        using var _ = ones(1);
        var error = Assert.Throws<InvalidOperationException>(() =>
            OpenMpTeam.For(8, 2, item => { if (item == 5) throw new InvalidOperationException("item 5"); }));
        Assert.Equal("item 5", error.Message);
    }
}
