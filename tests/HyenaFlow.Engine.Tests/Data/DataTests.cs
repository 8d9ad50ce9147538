using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Engine.Tests.Training;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Engine.Tests.Data;

public class DataTests
{
    [Fact]
    public void DataOrderIsASeededPermutationThatContinuesFromItsState()
    {
        var order = DataOrder.FromSeed(42);
        var first = order.Permutation(100);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), first.Order());
        Assert.NotEqual(Enumerable.Range(0, 100).Select(i => (long)i), first);
        Assert.Equal(first, DataOrder.FromSeed(42).Permutation(100));
        Assert.NotEqual(first, DataOrder.FromSeed(43).Permutation(100));

        var saved = order.State;
        var second = order.Permutation(100);
        Assert.NotEqual(first, second);
        Assert.Equal(second, new DataOrder(saved).Permutation(100));
    }

    [Fact]
    public void ShardedDatasetReadsRowsLabelsAndCellLinesAcrossShards()
    {
        using var folder = new TempFolder();
        var directory = TrainingTestData.WriteDataset(Path.Combine(folder.Path, "d"), trainCount: 50, testCount: 6, bases: 20, rowsPerShard: 16);
        using var train = ShardedDataset.Open(directory, Split.Train);
        var (tokens, labels, lines) = TrainingTestData.Sequences(50, 20, seed: 1);

        Assert.Equal(50, train.Count);
        Assert.Equal(22, train.TokensPerSequence);
        Assert.Equal(2, train.ClassCount);
        var row = new long[22];
        foreach (var i in new[] { 0, 15, 16, 33, 49 }) // both sides of shard boundaries
        {
            train.CopyTokens(i, row);
            Assert.Equal(tokens[i].Select(t => (long)t), row);
            Assert.Equal(labels[i], train.Label(i));
            Assert.Equal(lines[i], train.CellLine(i));
        }
        Assert.Throws<Genomics.DataFormatException>(() => ShardedDataset.Open(directory, Split.Embedding));
    }

    [Fact]
    public void WindowsAreSeededSlicesOfTheSequence()
    {
        var bases = string.Concat(Enumerable.Range(0, 200).Select(i => "ACGT"[(i * 7 + i / 3) % 4]));
        var source = InMemoryWindowSource.FromBases(bases);
        var a = new long[3 * 17];
        var b = new long[3 * 17];
        source.Fill(a, 3, 17, seed: 5);
        source.Fill(b, 3, 17, seed: 5);
        Assert.Equal(a, b);
        source.Fill(b, 3, 17, seed: 6);
        Assert.NotEqual(a, b);

        var text = new string(a.Select(t => ".......ACGTN"[(int)t]).ToArray());
        for (var w = 0; w < 3; w++) Assert.Contains(text.Substring(w * 17, 17), bases);
    }
}
