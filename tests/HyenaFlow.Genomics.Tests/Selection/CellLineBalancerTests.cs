using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tests.Mutations;

namespace HyenaFlow.Genomics.Tests.Selection;

public sealed class CellLineBalancerTests
{
    private static readonly BalanceOptions Small = new() { TrainLines = 7, TestLines = 2 };

    [Fact]
    public void ClassesGetEqualTrainAndTestLinesAndTheRestGoToEmbedding()
    {
        MutationSet set = MutationSetBuilder.Classes(12, "Lung", "Lymphoid");

        BalancedSelection s = CellLineBalancer.Balance(set, Small, seed: 1);

        foreach (var (lineage, label) in new[] { ("Lung", 0), ("Lymphoid", 1) })
        {
            var lines = s.CellLines.Where(l => l.Lineage == lineage).ToList();
            Assert.All(lines, l => Assert.Equal(label, l.Label));
            Assert.Equal(7, lines.Count(l => l.Split == Split.Train));
            Assert.Equal(2, lines.Count(l => l.Split == Split.Test));
            Assert.Equal(3, lines.Count(l => l.Split == Split.Embedding));
        }

        Assert.Equal(["Lung", "Lymphoid"], s.Classes);
    }

    [Fact]
    public void EveryTrainAndTestLineGetsTheSmallestCountOfDistinctMutations()
    {
        MutationSet set = MutationSetBuilder.Classes(12, "Lung", "Lymphoid");

        BalancedSelection s = CellLineBalancer.Balance(set, Small, seed: 3);

        var chosen = s.CellLines.Where(l => l.Split != Split.Embedding).ToList();
        int smallest = chosen.Min(l => set.MutationsOf(l.ModelId).Count);
        Assert.Equal(smallest, s.MutationsPerLine);
        Assert.All(chosen, l =>
        {
            Assert.Equal(smallest, l.Centres.Count);
            Assert.Equal(smallest, l.Centres.Distinct().Count());
            Assert.All(l.Centres, m => Assert.Contains(m, set.MutationsOf(l.ModelId)));
            Assert.Equal(l.Centres.Order(MutationOrder.Instance), l.Centres);
        });
        Assert.All(s.CellLines.Where(l => l.Split == Split.Embedding), l => Assert.Equal(set.MutationsOf(l.ModelId), l.Centres));
    }

    [Fact]
    public void SplitsAreDisjointAndCoverEveryLine()
    {
        MutationSet set = MutationSetBuilder.Classes(12, "Lung", "Lymphoid");

        BalancedSelection s = CellLineBalancer.Balance(set, Small, seed: 5);

        Assert.Equal(s.CellLines.Count, s.CellLines.Select(l => l.ModelId).Distinct().Count());
        Assert.Equal(set.CellLines.Select(l => l.ModelId).Order(), s.CellLines.Select(l => l.ModelId).Order());
    }

    [Fact]
    public void SameSeedGivesTheSameSelectionWhateverTheInputOrder()
    {
        MutationSet set = MutationSetBuilder.Classes(12, "Lung", "Lymphoid");
        MutationSet reversed = new(set.Classes, set.CellLines.Reverse().ToList(), set.CellLines.ToDictionary(l => l.ModelId, l => set.MutationsOf(l.ModelId)), set.LinesBeforeMedianFilter, set.Report);

        string a = Describe(CellLineBalancer.Balance(set, Small, seed: 42));
        string b = Describe(CellLineBalancer.Balance(reversed, Small, seed: 42));

        Assert.Equal(a, b);
    }

    [Fact]
    public void AnotherSeedGivesAnotherSelection()
    {
        MutationSet set = MutationSetBuilder.Classes(12, "Lung", "Lymphoid");

        Assert.NotEqual(Describe(CellLineBalancer.Balance(set, Small, seed: 1)), Describe(CellLineBalancer.Balance(set, Small, seed: 2)));
    }

    [Fact]
    public void CapLowersMutationsPerLine()
    {
        MutationSet set = MutationSetBuilder.Classes(12, "Lung", "Lymphoid");

        BalancedSelection s = CellLineBalancer.Balance(set, Small with { MaxMutationsPerLine = 4 }, seed: 1);

        Assert.Equal(4, s.MutationsPerLine);
        Assert.All(s.CellLines.Where(l => l.Split != Split.Embedding), l => Assert.Equal(4, l.Centres.Count));
    }

    [Fact]
    public void TooFewLinesIsAClearError()
    {
        MutationSet set = MutationSetBuilder.Classes(8, "Lung", "Lymphoid");

        var e = Assert.Throws<InvalidOperationException>(() => CellLineBalancer.Balance(set, Small, seed: 1));

        Assert.Contains("'Lung' has 8 cell lines", e.Message);
        Assert.Contains("9 are needed", e.Message);
        Assert.Contains("--train-lines", e.Message);
    }

    private static string Describe(BalancedSelection s) =>
        string.Join("\n", s.CellLines.Select(l => $"{l.ModelId} {l.Label} {l.Split} {string.Join(",", l.Centres.Select(m => m.Pos))}"));
}
