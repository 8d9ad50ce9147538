using HyenaFlow.Genomics.Mutations;

namespace HyenaFlow.Genomics.Tests.Mutations;

/// <summary>Hand-made mutation sets: line i of a class carries the given number of SNPs on chr1.</summary>
internal static class MutationSetBuilder
{
    public static MutationSet Build(IReadOnlyList<string> classes, params (string Id, string Lineage, int Count)[] lines) =>
        Build(classes, lines, lines);

    public static MutationSet Build(IReadOnlyList<string> classes, IReadOnlyList<(string Id, string Lineage, int Count)> kept, IReadOnlyList<(string Id, string Lineage, int Count)> before)
    {
        var cellLines = kept.Select(l => new CellLine(l.Id, l.Id, l.Lineage, l.Count)).ToList();
        var mutations = kept.ToDictionary(
            l => l.Id,
            l => (IReadOnlyList<Mutation>)Enumerable.Range(1, l.Count).Select(p => new Mutation(l.Id, "chr1", p * 10L, "A", "C", MutationType.SNP)).ToList());
        var beforeLines = before.Select(l => new CellLine(l.Id, l.Id, l.Lineage, l.Count)).ToList();
        var report = new ImportReport { Classes = classes, MedianFilterApplied = kept.Count != before.Count };
        return new MutationSet(classes, cellLines, mutations, beforeLines, report);
    }

    /// <summary><paramref name="perClass"/> lines per class with counts 10 + index·3 (so line counts differ).</summary>
    public static MutationSet Classes(int perClass, params string[] classes) =>
        Build(classes, classes.SelectMany((c, k) => Enumerable.Range(0, perClass).Select(i => ($"ACH-{k}{i:D3}", c, 10 + (i * 3) + k))).ToArray());
}
