using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tests.Mutations;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Selection;

public sealed class BalancedSelectionStoreTests
{
    [Fact]
    public void RoundTripKeepsEveryLineAndCentre()
    {
        using var dir = new TempDirectory("sel");
        BalancedSelection s = CellLineBalancer.Balance(MutationSetBuilder.Classes(6, "Lung", "Lymphoid"), new BalanceOptions { TrainLines = 3, TestLines = 1 }, seed: 9);
        string path = Path.Combine(dir.Path, "sel");

        BalancedSelectionStore.Save(s, path);
        BalancedSelection back = BalancedSelectionStore.Load(path);

        Assert.Equal(s.Classes, back.Classes);
        Assert.Equal(s.MutationsPerLine, back.MutationsPerLine);
        Assert.Equal(s.Seed, back.Seed);
        Assert.Equal(s.CellLines.Select(l => (l.ModelId, l.Lineage, l.Label, l.Split)), back.CellLines.Select(l => (l.ModelId, l.Lineage, l.Label, l.Split)));
        Assert.Equal(s.CellLines.SelectMany(l => l.Centres), back.CellLines.SelectMany(l => l.Centres));
    }

    [Fact]
    public void LabelThatContradictsTheLineageIsReportedWithItsLine()
    {
        using var dir = new TempDirectory("sel");
        BalancedSelection s = CellLineBalancer.Balance(MutationSetBuilder.Classes(6, "Lung", "Lymphoid"), new BalanceOptions { TrainLines = 3, TestLines = 1 }, seed: 9);
        string path = Path.Combine(dir.Path, "sel");
        BalancedSelectionStore.Save(s, path);
        string file = Path.Combine(path, BalancedSelectionStore.SelectionFile);
        var lines = File.ReadAllLines(file);
        lines[1] = lines[1].Replace("\tLung\t0\t", "\tLung\t1\t", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var e = Assert.Throws<DataFormatException>(() => BalancedSelectionStore.Load(path));

        Assert.Equal(2, e.Line);
    }
}
