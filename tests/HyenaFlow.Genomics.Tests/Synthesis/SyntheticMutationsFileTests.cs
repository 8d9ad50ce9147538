namespace HyenaFlow.Genomics.Tests.Synthesis;

[Collection(DemoDataCollection.Name)]
public sealed class SyntheticMutationsFileTests(DemoDataFixture data)
{
    private const string ExpectedHeader =
        "Chrom,Pos,Ref,Alt,AF,DP,RefCount,AltCount,GT,PS,VariantType,VariantInfo,DNAChange,ProteinChange,HugoSymbol,EnsemblGeneID,EnsemblFeatureID,HgncName,HgncFamily,UniprotID,DbsnpRsID,GcContent,LofGeneName,LofGeneId,LofNumberOfTranscriptsInGene,LofPercentOfTranscriptsAffected,NMD,MolecularConsequence,VepImpact,VepBiotype,VepHgncID,VepExistingVariation,VepManeSelect,VepENSP,VepSwissprot,Sift,Polyphen,GnomadeAF,GnomadgAF,VepClinSig,VepSomatic,VepPliGeneValue,VepLofTool,OncogeneHighImpact,TumorSuppressorHighImpact,TranscriptLikelyLof,Brca1FuncScore,CivicID,CivicDescription,CivicScore,LikelyLoF,HessDriver,HessSignature,RevelScore,PharmgkbId,DidaID,DidaName,GwasDisease,GwasPmID,GtexGene,ProveanPrediction,AMClass,AMPathogenicity,Hotspot,Rescue,ModelID,EntrezGeneID";

    [Fact]
    public void HeaderIsTheRecentDepMapColumnSet()
    {
        Assert.Equal(ExpectedHeader, string.Join(',', data.MutationHeader));
        Assert.DoesNotContain("IsDefaultEntryForModel", data.MutationHeader);
        Assert.Equal(ExpectedHeader + "\n", File.ReadLines(data.Summary.MutationsPath).First() + "\n");
    }

    [Fact]
    public void CsvIsRfc4180WithQuotedCommasAndDoubledQuotes()
    {
        // StrictCsv already rejected bare quotes, unclosed quotes and ragged rows while reading the file.
        Assert.True(data.MutationQuotedFields > 100);
        Assert.Contains(data.Mutations, r => data.Field(r, "MolecularConsequence").Contains(','));
        Assert.Contains(data.Mutations, r => data.Field(r, "CivicDescription").Contains(',') && data.Field(r, "CivicDescription").Contains('"'));
        Assert.Contains(File.ReadLines(data.Summary.MutationsPath), line => line.Contains("\"\"", StringComparison.Ordinal));
        Assert.Equal(data.Summary.MutationRows, data.Mutations.Count);
    }

    [Fact]
    public void EveryRefMatchesTheGenomeAndNoneSitsOnNOrIupac()
    {
        foreach (string[] row in data.Mutations)
        {
            string chrom = data.Field(row, "Chrom");
            Assert.StartsWith("chr", chrom);
            long pos = long.Parse(data.Field(row, "Pos"), System.Globalization.CultureInfo.InvariantCulture);
            string reference = data.Field(row, "Ref");
            string alt = data.Field(row, "Alt");
            Assert.Matches("^[ACGT]+$", reference);
            Assert.Matches("^[ACGT]+$", alt);
            Assert.NotEqual(reference, alt);
            string genome = data.ChromosomeByName[chrom];
            Assert.Equal(reference, genome.Substring((int)pos - 1, reference.Length));
        }
    }

    [Fact]
    public void VariantClassesFollowTheRealMix()
    {
        var types = data.Mutations.Select(r => Classify(data.Field(r, "Ref"), data.Field(r, "Alt"))).ToList();
        double Share(string type) => types.Count(t => t == type) / (double)types.Count;
        Assert.InRange(Share("SNP"), 0.80, 0.93);
        Assert.True(Share("DNP") > 0 && Share("TNP") > 0 && Share("ONP") > 0);
        Assert.True(Share("DNP") > Share("TNP") && Share("TNP") > Share("ONP"));
        Assert.InRange(Share("INS") + Share("DEL"), 0.06, 0.14);
        int longestIndel = data.Mutations
            .Where(r => data.Field(r, "Ref").Length != data.Field(r, "Alt").Length)
            .Max(r => Math.Abs(data.Field(r, "Ref").Length - data.Field(r, "Alt").Length));
        Assert.InRange(longestIndel, 8, 20);

        foreach (string[] row in data.Mutations)
        {
            string expected = Classify(data.Field(row, "Ref"), data.Field(row, "Alt")) switch
            {
                "SNP" => "SNV",
                "DNP" or "TNP" or "ONP" => "substitution",
                "INS" => "insertion",
                "DEL" => "deletion",
                _ => "indel",
            };
            Assert.Equal(expected, data.Field(row, "VariantType"));
        }
    }

    [Fact]
    public void WorkIsPlantedForCleaning()
    {
        Assert.Contains(data.Mutations, r => data.Field(r, "Chrom") == "chrX");
        Assert.Contains(data.Mutations, r => data.Field(r, "Chrom") == "chrY");
        var lines = File.ReadLines(data.Summary.MutationsPath).Skip(1).ToList();
        Assert.Equal(data.Options.DuplicateRows, lines.Count - lines.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(data.Options.ComplexRows, data.Mutations.Count(r => Classify(data.Field(r, "Ref"), data.Field(r, "Alt")) == "complex"));

        // Recurrent hotspots: the same change in several models, so de-duplication must be per model.
        int recurrent = data.Mutations
            .GroupBy(r => (data.Field(r, "Chrom"), data.Field(r, "Pos"), data.Field(r, "Ref"), data.Field(r, "Alt")))
            .Count(g => g.Select(r => data.Field(r, "ModelID")).Distinct().Count() > 1);
        Assert.True(recurrent > 0);
    }

    [Fact]
    public void RowsAreGroupedByModelAndEveryModelExists()
    {
        var seen = new HashSet<string>();
        string? current = null;
        foreach (string[] row in data.Mutations)
        {
            string model = data.Field(row, "ModelID");
            if (model != current)
            {
                Assert.True(seen.Add(model), $"{model} appears in more than one block.");
                current = model;
            }
        }

        var models = data.Models.Select(m => data.ModelField(m, "ModelID")).ToHashSet();
        Assert.Subset(models, seen);
    }

    /// <summary>The thesis's classes from allele lengths, written here independently of the project's importer.</summary>
    internal static string Classify(string reference, string alt)
    {
        if (reference.Length == alt.Length)
        {
            return reference.Length switch { 1 => "SNP", 2 => "DNP", 3 => "TNP", _ => "ONP" };
        }

        if (reference[0] != alt[0])
        {
            return "complex";
        }

        return alt.Length > reference.Length
            ? (alt.StartsWith(reference, StringComparison.Ordinal) ? "INS" : "complex")
            : (reference.StartsWith(alt, StringComparison.Ordinal) ? "DEL" : "complex");
    }
}
