using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Genomics.Tests.Windows;

namespace HyenaFlow.Genomics.Tests.Datasets;

/// <summary>A small random genome, eight cell lines of two classes and their balanced selection.</summary>
public sealed class DatasetFixture
{
    public DatasetFixture(int seed = 11, int centresPerLine = 12)
    {
        var random = new Random(seed);
        Chromosomes = [("chr1", RandomGenomes.Sequence(random, 30_000, 2)), ("chr2", RandomGenomes.Sequence(random, 20_000, 2))];
        Genome = RandomGenomes.Genome(Chromosomes);
        string[] classes = ["Lung", "Lymphoid"];
        var lines = new List<SelectedCellLine>();
        for (int i = 0; i < 8; i++)
        {
            string id = $"ACH-{i:D6}";
            var mutations = Chromosomes
                .SelectMany(c => RandomGenomes.Mutations(random, id, c.Name, c.Bases, c.Bases.Length / 80, 10))
                .ToList();
            Mutations[id] = mutations;
            var centres = mutations.OrderBy(_ => random.Next()).Take(centresPerLine).ToList();
            Split split = i < 4 ? Split.Train : i < 6 ? Split.Test : Split.Embedding;
            lines.Add(new SelectedCellLine(id, classes[i % 2], i % 2, split, centres));
        }

        Selection = new BalancedSelection(classes, centresPerLine, seed, lines);
    }

    public (string Name, byte[] Bases)[] Chromosomes { get; }

    public InMemoryGenome Genome { get; }

    public Dictionary<string, IReadOnlyList<Mutation>> Mutations { get; } = [];

    public BalancedSelection Selection { get; }

    public string ChromosomeText(string name) => System.Text.Encoding.ASCII.GetString(Chromosomes.Single(c => c.Name == name).Bases);
}
