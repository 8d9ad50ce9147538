using System.Globalization;
using System.Text;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Tests.Support;

namespace HyenaFlow.Genomics.Tests.Mutations;

/// <summary>Small DepMap-shaped Model.csv and OmicsSomaticMutations.csv files over a made-up two-chromosome genome.</summary>
public sealed class DepMapFixture : IDisposable
{
    public const string MutationHeader = "HugoSymbol,Chrom,Pos,Ref,Alt,VariantType,ProteinChange,ModelID";

    private readonly TempDirectory directory = new("depmap");

    public DepMapFixture()
    {
        // A fixed pseudo-random sequence, so Ref alleles can be looked up.
        var random = new Random(7);
        Chr1 = new string(Enumerable.Range(0, 5000).Select(_ => "ACGT"[random.Next(4)]).ToArray());
        Chr2 = new string(Enumerable.Range(0, 2000).Select(_ => "ACGT"[random.Next(4)]).ToArray());
    }

    public string Chr1 { get; }

    public string Chr2 { get; }

    public string Directory => directory.Path;

    public InMemoryGenome Genome() => InMemoryGenome.FromStrings(("chr1", Chr1), ("chr2", Chr2));

    /// <summary>Reference bases at a 1-based position.</summary>
    public string Ref(string chrom, long pos, int length = 1) => (chrom == "chr1" ? Chr1 : Chr2).Substring((int)pos - 1, length);

    /// <summary>A base different from the reference at that position.</summary>
    public string OtherBase(string chrom, long pos) => Ref(chrom, pos) == "A" ? "C" : "A";

    /// <summary>A base different from both the reference and <see cref="OtherBase"/>.</summary>
    public string ThirdBase(string chrom, long pos) =>
        "ACGT".First(b => b.ToString() != Ref(chrom, pos) && b.ToString() != OtherBase(chrom, pos)).ToString();

    public string Snp(string modelId, long pos, string chrom = "chr1") =>
        Row(modelId, chrom, pos, Ref(chrom, pos), OtherBase(chrom, pos));

    public static string Row(string modelId, string chrom, long pos, string reference, string alternate) =>
        string.Create(CultureInfo.InvariantCulture, $"GENE,{chrom},{pos},{reference},{alternate},SNV,\"p.X1Y, maybe\",{modelId}");

    public string WriteModels(params (string Id, string Lineage, string Disease)[] models)
    {
        var text = new StringBuilder("ModelID,PatientID,CellLineName,OncotreeLineage,OncotreePrimaryDisease\n");
        foreach (var (id, lineage, disease) in models)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id},PT-{id},NAME-{id},{lineage},\"{disease}\"\n");
        }

        return Write("Model.csv", text.ToString());
    }

    public string WriteMutations(IEnumerable<string> rows, string header = MutationHeader) =>
        Write("OmicsSomaticMutations.csv", header + "\n" + string.Join("\n", rows) + "\n");

    public string Write(string name, string text)
    {
        string path = Path.Combine(directory.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => directory.Dispose();
}
