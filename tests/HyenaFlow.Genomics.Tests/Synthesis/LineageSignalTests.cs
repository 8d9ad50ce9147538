using System.Globalization;
using System.Text.Json;

namespace HyenaFlow.Genomics.Tests.Synthesis;

[Collection(DemoDataCollection.Name)]
public sealed class LineageSignalTests(DemoDataFixture data)
{
    [Fact]
    public void TobaccoLikeChangesDominateLung()
    {
        double lung = Share("Lung", IsCToA);
        double lymphoid = Share("Lymphoid", IsCToA);
        Assert.True(lung > 0.5, $"C>A/G>T should dominate Lung SNVs; got {lung:P1}.");
        Assert.True(lung > 4 * lymphoid, $"Lung {lung:P1} vs Lymphoid {lymphoid:P1}.");
    }

    [Fact]
    public void CpgTransitionsMarkLymphoid()
    {
        double lung = Share("Lung", IsCpgTransition);
        double lymphoid = Share("Lymphoid", IsCpgTransition);
        Assert.True(lymphoid > 0.2, $"C>T at CpG should be common in Lymphoid SNVs; got {lymphoid:P1}.");
        Assert.True(lymphoid > 5 * lung, $"Lymphoid {lymphoid:P1} vs Lung {lung:P1}.");
    }

    [Fact]
    public void LymphoidMutationsCluster()
    {
        double lung = ClusteredShare("Lung");
        double lymphoid = ClusteredShare("Lymphoid");
        Assert.True(lymphoid > 2 * lung, $"Share of mutations with a same-line neighbour within 4 kb: Lymphoid {lymphoid:P1} vs Lung {lung:P1}.");
    }

    [Fact]
    public void GroundTruthRecordsSeedAndParameters()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(data.Directory, "ground_truth.json")));
        JsonElement root = json.RootElement;
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.Equal(0.7, root.GetProperty("signal").GetDouble());
        Assert.Equal(0.7, root.GetProperty("snvProcessWeights").GetProperty("Lung").GetProperty("TobaccoSmoking").GetDouble(), 6);
        Assert.True(root.GetProperty("aid").GetProperty("targetRegions").GetArrayLength() > 0);
        Assert.Equal(data.Summary.ModelCount, root.GetProperty("cohort").GetProperty("lines").GetArrayLength());
    }

    private static bool IsCToA(string genome, int pos, char alt) =>
        (genome[pos] == 'C' && alt == 'A') || (genome[pos] == 'G' && alt == 'T');

    private static bool IsCpgTransition(string genome, int pos, char alt) =>
        (genome[pos] == 'C' && genome[pos + 1] == 'G' && alt == 'T') || (genome[pos] == 'G' && genome[pos - 1] == 'C' && alt == 'A');

    private double Share(string lineage, Func<string, int, char, bool> predicate)
    {
        var snvs = Rows(lineage).Where(r => data.Field(r, "Ref").Length == 1 && data.Field(r, "Alt").Length == 1).ToList();
        int hits = snvs.Count(r =>
            predicate(data.ChromosomeByName[data.Field(r, "Chrom")], int.Parse(data.Field(r, "Pos"), CultureInfo.InvariantCulture) - 1, data.Field(r, "Alt")[0]));
        return hits / (double)snvs.Count;
    }

    private double ClusteredShare(string lineage)
    {
        int clustered = 0;
        int total = 0;
        foreach (var line in Rows(lineage).GroupBy(r => (data.Field(r, "ModelID"), data.Field(r, "Chrom"))))
        {
            var positions = line.Select(r => long.Parse(data.Field(r, "Pos"), CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
            for (int i = 0; i < positions.Length; i++)
            {
                bool near = (i > 0 && positions[i] - positions[i - 1] <= 4_000) || (i + 1 < positions.Length && positions[i + 1] - positions[i] <= 4_000);
                clustered += near ? 1 : 0;
            }

            total += positions.Length;
        }

        return clustered / (double)total;
    }

    private IEnumerable<string[]> Rows(string lineage)
    {
        var members = data.Models
            .Where(m => data.ModelField(m, "OncotreeLineage") == lineage && data.ModelField(m, "OncotreePrimaryDisease") != "Non-Cancerous")
            .Select(m => data.ModelField(m, "ModelID"))
            .ToHashSet();
        return data.Mutations.Where(r => members.Contains(data.Field(r, "ModelID")) && data.Field(r, "Chrom") is not ("chrX" or "chrY"));
    }
}
