using System.Globalization;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Genes laid along each mutable chromosome (a gene every ~40 kb) so that rows carry plausible annotation.
/// A few real cancer-gene symbols are mixed in; their coordinates are invented.
/// </summary>
internal sealed class GeneCatalog
{
    private static readonly (string Symbol, string Name, bool Oncogene)[] CancerGenes =
    [
        ("TP53", "tumor protein p53", false), ("KRAS", "KRAS proto-oncogene, GTPase", true),
        ("EGFR", "epidermal growth factor receptor", true), ("STK11", "serine/threonine kinase 11", false),
        ("KEAP1", "kelch like ECH associated protein 1", false), ("NF1", "neurofibromin 1", false),
        ("PIK3CA", "phosphatidylinositol-4,5-bisphosphate 3-kinase catalytic subunit alpha", true),
        ("BCL6", "BCL6 transcription repressor", true), ("MYC", "MYC proto-oncogene, bHLH transcription factor", true),
        ("CREBBP", "CREB binding protein", false), ("KMT2D", "lysine methyltransferase 2D", false),
        ("EZH2", "enhancer of zeste 2 polycomb repressive complex 2 subunit", true), ("CD79B", "CD79b molecule", true),
        ("MYD88", "MYD88 innate immune signal transduction adaptor", true), ("PIM1", "Pim-1 proto-oncogene, serine/threonine kinase", true),
        ("BRAF", "B-Raf proto-oncogene, serine/threonine kinase", true),
        ("SMARCA4", "SWI/SNF related, matrix associated, actin dependent regulator of chromatin, subfamily a, member 4", false),
        ("RB1", "RB transcriptional corepressor 1", false), ("PTEN", "phosphatase and tensin homolog", false),
        ("CDKN2A", "cyclin dependent kinase inhibitor 2A", false), ("NOTCH1", "notch receptor 1", true),
        ("TNFAIP3", "TNF alpha induced protein 3", false), ("B2M", "beta-2-microglobulin", false), ("SOCS1", "suppressor of cytokine signaling 1", false),
    ];

    private readonly Dictionary<string, SyntheticGene[]> genes;

    private GeneCatalog(Dictionary<string, SyntheticGene[]> genes) => this.genes = genes;

    public int Count => genes.Values.Sum(g => g.Length);

    public static GeneCatalog Build(SyntheticGenome genome, SeededRandom random)
    {
        var byChromosome = new Dictionary<string, List<SyntheticGene>>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        int serial = 0;
        foreach (SyntheticSequence chromosome in genome.MutableChromosomes)
        {
            var list = byChromosome[chromosome.Name] = [];
            long at = SequenceSynthesizer.TelomereGap + (long)random.NextExponential(15_000);
            while (true)
            {
                long length = 5_000 + (long)random.NextExponential(25_000);
                if (at + length >= chromosome.Length - SequenceSynthesizer.TelomereGap)
                {
                    break;
                }

                list.Add(MakeGene(at + 1, at + length, serial++, used, random));
                at += length + (long)random.NextExponential(15_000);
            }
        }

        // Put each cancer gene on a random existing locus, so some rows fall in genes with CIViC-like annotation.
        var all = byChromosome.SelectMany(kv => kv.Value.Select((g, i) => (kv.Key, i))).ToList();
        random.Shuffle(all);
        for (int i = 0; i < Math.Min(CancerGenes.Length, all.Count / 3); i++)
        {
            var (chrom, index) = all[i];
            var (symbol, name, oncogene) = CancerGenes[i];
            byChromosome[chrom][index] = byChromosome[chrom][index] with
            {
                Symbol = symbol, Name = name, Family = oncogene ? "Proto-oncogenes" : "Tumor suppressors", Biotype = "protein_coding",
                IsOncogene = oncogene, IsTumorSuppressor = !oncogene, Pli = 0.9 + 0.1 * random.NextDouble(),
            };
        }

        return new GeneCatalog(byChromosome.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The gene covering a 1-based position, or null between genes.</summary>
    public SyntheticGene? At(string chrom, long pos)
    {
        if (!genes.TryGetValue(chrom, out var list))
        {
            return null;
        }

        int lo = 0;
        int hi = list.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (list[mid].End < pos)
            {
                lo = mid + 1;
            }
            else if (list[mid].Start > pos)
            {
                hi = mid - 1;
            }
            else
            {
                return list[mid];
            }
        }

        return null;
    }

    private static SyntheticGene MakeGene(long start, long end, int serial, HashSet<string> used, SeededRandom random)
    {
        string symbol;
        string name;
        string family;
        string biotype = "protein_coding";
        do
        {
            int n = random.Next(1, 900);
            switch (random.Next(8))
            {
                case 0:
                    (symbol, name, family) = ($"ZNF{n}", $"zinc finger protein {n}", "Zinc fingers C2H2-type");
                    break;
                case 1:
                    int member = random.Next(1, 12);
                    (symbol, name, family) = ($"SLC{n % 60 + 1}A{member}", $"solute carrier family {n % 60 + 1} member {member}", "Solute carriers");
                    break;
                case 2:
                    (symbol, name, family) = ($"TMEM{n}", $"transmembrane protein {n}", "");
                    break;
                case 3:
                    (symbol, name, family) = ($"CCDC{n}", $"coiled-coil domain containing {n}", "");
                    break;
                case 4:
                    char letter = (char)('A' + random.Next(4));
                    (symbol, name, family) = ($"FAM{n}{letter}", $"family with sequence similarity {n} member {letter}", "");
                    break;
                case 5:
                    (symbol, name, family, biotype) = ($"LINC{n + 1000:D5}", $"long intergenic non-protein coding RNA {n + 1000}", "Long intergenic non-protein coding RNAs", "lncRNA");
                    break;
                case 6:
                    int fam = n % 14 + 1;
                    char sub = (char)('A' + random.Next(12));
                    int m = random.Next(1, 20);
                    (symbol, name, family) = ($"OR{fam}{sub}{m}", $"olfactory receptor family {fam} subfamily {sub} member {m}", $"Olfactory receptors, family {fam}");
                    break;
                default:
                    (symbol, name, family) = ($"KIAA{n + 1000}", $"KIAA{n + 1000}", "");
                    break;
            }
        }
        while (!used.Add(symbol));

        int id = 100_000 + serial * 7 + random.Next(7);
        return new SyntheticGene(
            symbol, name, family, biotype, start, end,
            string.Create(CultureInfo.InvariantCulture, $"ENSG{id + 100_000:D11}"),
            string.Create(CultureInfo.InvariantCulture, $"ENST{id + 300_000:D11}.{random.Next(1, 15)}"),
            biotype == "lncRNA" ? "" : string.Create(CultureInfo.InvariantCulture, $"ENSP{id + 200_000:D11}"),
            string.Create(CultureInfo.InvariantCulture, $"HGNC:{random.Next(100, 60_000)}"),
            random.Next(1, 130_000),
            biotype == "lncRNA" ? "" : $"{"OPQ"[random.Next(3)]}{random.Next(10)}{(char)('A' + random.Next(26))}{random.Next(10)}{(char)('A' + random.Next(26))}{random.Next(10)}",
            biotype == "lncRNA" ? "" : string.Create(CultureInfo.InvariantCulture, $"NM_{random.Next(1_000, 999_999):D6}.{random.Next(1, 8)}"),
            Math.Round(random.NextDouble() * random.NextDouble(), 3),
            false,
            false);
    }
}
