using System.Globalization;
using HyenaFlow.Genomics.Mutations;
using C = HyenaFlow.Genomics.Synthesis.SomaticMutationColumns;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Fills the many descriptive columns of a row plausibly (depth, VEP consequence, identifiers, predictions, CIViC text),
/// including multi-valued fields with commas, so a parser that splits on commas breaks here as it would on the real file.
/// None of it depends on the row's mutational process: the only lineage signal is in the alleles and positions.
/// </summary>
internal sealed class VariantAnnotator(SyntheticGenome genome, GeneCatalog genes, IReadOnlySet<(string Chrom, long Pos)> hotspots, SeededRandom random)
{
    private const string AminoAcids = "ACDEFGHIKLMNPQRSTVWY";

    private static readonly string[] CivicTexts =
    [
        "{0} {1} is a recurrent \"hotspot\" alteration, reported in lung, colorectal and pancreatic tumours, that predicts response to targeted therapy.",
        "Functional studies of {0} {1} show loss of function, decreased stability and, in some models, a dominant-negative effect.",
        "{0} {1} was observed in a case series of lymphoma patients; evidence level C, based on a single study.",
    ];

    public string[] Annotate(SyntheticMutation m)
    {
        var row = new string[C.Header.Length];
        Array.Fill(row, "");
        row[C.Chrom] = m.Chrom;
        row[C.Pos] = m.Pos.ToString(CultureInfo.InvariantCulture);
        row[C.Ref] = m.Ref;
        row[C.Alt] = m.Alt;
        row[C.ModelID] = m.ModelId;
        row[C.VariantType] = m.VepClass;
        FillReadCounts(row);
        row[C.GcContent] = Format(LocalGc(m.Chrom, m.Pos), "F3");
        bool hotspot = m.Type == MutationType.SNP && hotspots.Contains((m.Chrom, m.Pos));
        row[C.Hotspot] = hotspot ? "True" : "False";
        row[C.Rescue] = random.Chance(0.01) ? "True" : "False";

        SyntheticGene? gene = genes.At(m.Chrom, m.Pos);
        string[] consequences = Consequences(m, gene);
        row[C.VariantInfo] = consequences[0];
        row[C.MolecularConsequence] = string.Join(',', consequences);
        string impact = Impact(consequences[0]);
        row[C.VepImpact] = impact;
        if (gene is null)
        {
            row[C.OncogeneHighImpact] = row[C.TumorSuppressorHighImpact] = row[C.LikelyLoF] = "False";
            return row;
        }

        FillGene(row, gene);
        FillChange(row, m, gene, consequences[0]);
        bool lof = impact == "HIGH";
        row[C.OncogeneHighImpact] = gene.IsOncogene && impact is "HIGH" or "MODERATE" ? "True" : "False";
        row[C.TumorSuppressorHighImpact] = gene.IsTumorSuppressor && lof ? "True" : "False";
        row[C.LikelyLoF] = lof ? "True" : "False";
        if (lof)
        {
            row[C.TranscriptLikelyLof] = gene.TranscriptId;
            row[C.LofGeneName] = gene.Symbol;
            row[C.LofGeneId] = gene.EnsemblGeneId;
            int transcripts = random.Next(1, 13);
            row[C.LofNumberOfTranscriptsInGene] = transcripts.ToString(CultureInfo.InvariantCulture);
            row[C.LofPercentOfTranscriptsAffected] = Format((double)random.Next(1, transcripts + 1) / transcripts, "F2");
            row[C.VepLofTool] = Format(random.NextDouble(), "F3");
            row[C.NMD] = random.Chance(0.3) ? $"({gene.Symbol}|{gene.EnsemblGeneId}|{transcripts}|{row[C.LofPercentOfTranscriptsAffected]})" : "";
        }

        FillExistingVariation(row, hotspot);
        if (gene.IsCancerGene && (hotspot || random.Chance(0.3)))
        {
            row[C.CivicID] = random.Next(1, 4_000).ToString(CultureInfo.InvariantCulture);
            row[C.CivicDescription] = string.Format(CultureInfo.InvariantCulture, random.Pick(CivicTexts), gene.Symbol, row[C.ProteinChange].Length > 0 ? row[C.ProteinChange][2..] : "variant");
            row[C.CivicScore] = Format(random.Next(5, 300) / 2.0, "F1");
            row[C.HessDriver] = random.Chance(0.3) ? "True" : "False";
            row[C.HessSignature] = row[C.HessDriver] == "True" ? random.Pick(["SBS1", "SBS5", "SBS1,SBS5", "SBS40"]) : "";
        }

        FillRareAnnotations(row);
        return row;
    }

    private void FillReadCounts(string[] row)
    {
        int depth = 15 + (int)random.NextExponential(90);
        double fraction = random.Chance(0.08) ? 0.9 + 0.1 * random.NextDouble() : 0.05 + 0.6 * random.NextDouble();
        int alt = Math.Clamp((int)Math.Round(fraction * depth), 1, depth);
        row[C.DP] = depth.ToString(CultureInfo.InvariantCulture);
        row[C.AltCount] = alt.ToString(CultureInfo.InvariantCulture);
        row[C.RefCount] = (depth - alt).ToString(CultureInfo.InvariantCulture);
        row[C.AF] = Format((double)alt / depth, "F3");
        bool phased = random.Chance(0.1);
        row[C.GT] = alt == depth || fraction >= 0.9 ? "1/1" : phased ? "0|1" : "0/1";
        row[C.PS] = phased && row[C.GT] == "0|1" ? random.Next(10_000, 250_000_000).ToString(CultureInfo.InvariantCulture) : "";
    }

    private string[] Consequences(SyntheticMutation m, SyntheticGene? gene)
    {
        if (gene is null)
        {
            return [random.Chance(0.7) ? "intergenic_variant" : random.Pick(["upstream_gene_variant", "downstream_gene_variant"])];
        }

        if (gene.Biotype == "lncRNA")
        {
            return [random.Pick(["non_coding_transcript_exon_variant", "intron_variant"])];
        }

        double u = random.NextDouble();
        string main = m.Type switch
        {
            MutationType.INS or MutationType.DEL when (m.Alt.Length - m.Ref.Length) % 3 == 0 => m.Type == MutationType.INS ? "inframe_insertion" : "inframe_deletion",
            MutationType.INS or MutationType.DEL => u < 0.75 ? "frameshift_variant" : "intron_variant",
            null => "protein_altering_variant",
            _ => u < 0.45 ? "missense_variant" : u < 0.65 ? "synonymous_variant" : u < 0.8 ? "intron_variant" : u < 0.85 ? "stop_gained"
                : u < 0.9 ? "3_prime_UTR_variant" : u < 0.93 ? "5_prime_UTR_variant" : u < 0.96 ? "splice_region_variant" : "splice_donor_variant",
        };
        return main is "missense_variant" or "synonymous_variant" or "frameshift_variant" && random.Chance(0.08)
            ? [main, "splice_region_variant"]
            : main == "splice_region_variant" ? [main, "intron_variant"] : [main];
    }

    private static string Impact(string consequence) => consequence switch
    {
        "stop_gained" or "frameshift_variant" or "splice_donor_variant" => "HIGH",
        "missense_variant" or "inframe_insertion" or "inframe_deletion" or "protein_altering_variant" => "MODERATE",
        "synonymous_variant" or "splice_region_variant" => "LOW",
        _ => "MODIFIER",
    };

    private static void FillGene(string[] row, SyntheticGene gene)
    {
        row[C.HugoSymbol] = gene.Symbol;
        row[C.EnsemblGeneID] = gene.EnsemblGeneId;
        row[C.EnsemblFeatureID] = gene.TranscriptId;
        row[C.HgncName] = gene.Name;
        row[C.HgncFamily] = gene.Family;
        row[C.UniprotID] = gene.UniprotId;
        row[C.VepBiotype] = gene.Biotype;
        row[C.VepHgncID] = gene.HgncId;
        row[C.VepManeSelect] = gene.ManeSelect;
        row[C.VepENSP] = gene.ProteinId;
        row[C.VepSwissprot] = gene.UniprotId.Length > 0 ? gene.UniprotId + "." + (gene.EntrezId % 200 + 50).ToString(CultureInfo.InvariantCulture) : "";
        row[C.VepPliGeneValue] = Format(gene.Pli, "F3");
        row[C.EntrezGeneID] = gene.EntrezId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>HGVS-like DNAChange and one-letter ProteinChange consistent with the consequence.</summary>
    private void FillChange(string[] row, SyntheticMutation m, SyntheticGene gene, string consequence)
    {
        int c = random.Next(1, 4_000);
        string cdna = m.Type switch
        {
            MutationType.SNP => $"c.{c}{m.Ref}>{m.Alt}",
            MutationType.DEL => m.Ref.Length == 2 ? $"c.{c + 1}del" : $"c.{c + 1}_{c + m.Ref.Length - 1}del",
            MutationType.INS => $"c.{c}_{c + 1}ins{m.Alt[1..]}",
            _ => $"c.{c}_{c + m.Ref.Length - 1}delins{m.Alt}",
        };
        if (consequence is "intron_variant" or "splice_region_variant" or "splice_donor_variant")
        {
            cdna = $"c.{c}+{random.Next(1, 400)}{(m.Type == MutationType.SNP ? $"{m.Ref}>{m.Alt}" : "del")}";
        }

        row[C.DNAChange] = gene.Biotype == "lncRNA" ? "" : $"{gene.TranscriptId}:{cdna}";
        int codon = (c + 2) / 3;
        char from = AminoAcids[random.Next(AminoAcids.Length)];
        char to = AminoAcids[random.Next(AminoAcids.Length)];
        row[C.ProteinChange] = consequence switch
        {
            "missense_variant" => $"p.{from}{codon}{(to == from ? 'V' : to)}",
            "synonymous_variant" => $"p.{from}{codon}=",
            "stop_gained" => $"p.{from}{codon}*",
            "frameshift_variant" => $"p.{from}{codon}fs",
            "inframe_deletion" => $"p.{from}{codon}del",
            "inframe_insertion" => $"p.{from}{codon}_{to}{codon + 1}ins{AminoAcids[random.Next(AminoAcids.Length)]}",
            _ => "",
        };
        if (consequence == "missense_variant")
        {
            bool damaging = random.Chance(0.5);
            row[C.Sift] = damaging ? $"deleterious({Format(random.NextDouble() * 0.05, "F2")})" : $"tolerated({Format(0.05 + random.NextDouble() * 0.95, "F2")})";
            row[C.Polyphen] = damaging ? $"probably_damaging({Format(0.9 + random.NextDouble() * 0.1, "F3")})" : random.Pick(["benign(0.003)", "possibly_damaging(0.61)", "benign(0.12)"]);
            row[C.RevelScore] = Format(random.NextDouble(), "F3");
            row[C.ProveanPrediction] = damaging ? "Deleterious" : "Neutral";
            double pathogenicity = random.NextDouble();
            row[C.AMPathogenicity] = Format(pathogenicity, "F4");
            row[C.AMClass] = pathogenicity > 0.564 ? "likely_pathogenic" : pathogenicity < 0.34 ? "likely_benign" : "ambiguous";
        }
    }

    private void FillExistingVariation(string[] row, bool hotspot)
    {
        string cosmic = string.Create(CultureInfo.InvariantCulture, $"COSV{random.Next(50_000_000, 99_999_999)}");
        string rs = string.Create(CultureInfo.InvariantCulture, $"rs{random.Next(10_000, 2_000_000_000)}");
        double u = random.NextDouble();
        if (hotspot || u < 0.04)
        {
            row[C.VepExistingVariation] = $"{rs},{cosmic}";
            row[C.VepSomatic] = "0,1";
            row[C.DbsnpRsID] = rs;
            row[C.VepClinSig] = hotspot ? "pathogenic,likely_pathogenic" : random.Pick(["uncertain_significance", "benign,likely_benign", "pathogenic"]);
        }
        else if (u < 0.20)
        {
            row[C.VepExistingVariation] = cosmic;
            row[C.VepSomatic] = "1";
        }
        else if (u < 0.25)
        {
            row[C.VepExistingVariation] = rs;
            row[C.DbsnpRsID] = rs;
            row[C.GnomadeAF] = Format(random.NextDouble() * 1e-4, "0.00e+00");
            row[C.GnomadgAF] = Format(random.NextDouble() * 1e-4, "0.00e+00");
        }
    }

    private void FillRareAnnotations(string[] row)
    {
        if (random.Chance(0.01))
        {
            row[C.PharmgkbId] = string.Create(CultureInfo.InvariantCulture, $"PA{random.Next(100, 999_999)}");
        }

        if (random.Chance(0.005))
        {
            row[C.DidaID] = string.Create(CultureInfo.InvariantCulture, $"dd{random.Next(1, 400):D3}");
            row[C.DidaName] = random.Pick(["Bardet-Biedl syndrome, type 2", "Long QT syndrome", "Cystic fibrosis"]);
        }

        if (random.Chance(0.005))
        {
            row[C.GwasDisease] = random.Pick(["Height", "Body mass index, waist circumference", "Blood protein levels"]);
            row[C.GwasPmID] = random.Next(20_000_000, 38_000_000).ToString(CultureInfo.InvariantCulture);
        }
    }

    private double LocalGc(string chrom, long pos)
    {
        byte[] bases = genome[chrom].Bases;
        int start = (int)Math.Max(0, pos - 51);
        int end = (int)Math.Min(bases.Length, pos + 50);
        int gc = 0;
        int plain = 0;
        for (int i = start; i < end; i++)
        {
            byte b = BaseComposition.Upper(bases[i]);
            gc += b is (byte)'G' or (byte)'C' ? 1 : 0;
            plain += b is (byte)'A' or (byte)'C' or (byte)'G' or (byte)'T' ? 1 : 0;
        }

        return plain == 0 ? 0 : (double)gc / plain;
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
