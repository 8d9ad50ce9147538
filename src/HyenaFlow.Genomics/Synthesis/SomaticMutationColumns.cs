namespace HyenaFlow.Genomics.Synthesis;

/// <summary>The OmicsSomaticMutations.csv header of a recent (24Q4-like) DepMap release, with the positions the writer fills.</summary>
internal static class SomaticMutationColumns
{
    public static readonly string[] Header =
    [
        "Chrom", "Pos", "Ref", "Alt", "AF", "DP", "RefCount", "AltCount", "GT", "PS", "VariantType", "VariantInfo", "DNAChange",
        "ProteinChange", "HugoSymbol", "EnsemblGeneID", "EnsemblFeatureID", "HgncName", "HgncFamily", "UniprotID", "DbsnpRsID",
        "GcContent", "LofGeneName", "LofGeneId", "LofNumberOfTranscriptsInGene", "LofPercentOfTranscriptsAffected", "NMD",
        "MolecularConsequence", "VepImpact", "VepBiotype", "VepHgncID", "VepExistingVariation", "VepManeSelect", "VepENSP",
        "VepSwissprot", "Sift", "Polyphen", "GnomadeAF", "GnomadgAF", "VepClinSig", "VepSomatic", "VepPliGeneValue", "VepLofTool",
        "OncogeneHighImpact", "TumorSuppressorHighImpact", "TranscriptLikelyLof", "Brca1FuncScore", "CivicID", "CivicDescription",
        "CivicScore", "LikelyLoF", "HessDriver", "HessSignature", "RevelScore", "PharmgkbId", "DidaID", "DidaName", "GwasDisease",
        "GwasPmID", "GtexGene", "ProveanPrediction", "AMClass", "AMPathogenicity", "Hotspot", "Rescue", "ModelID", "EntrezGeneID",
    ];

    public static readonly int Chrom = Index("Chrom");
    public static readonly int Pos = Index("Pos");
    public static readonly int Ref = Index("Ref");
    public static readonly int Alt = Index("Alt");
    public static readonly int AF = Index("AF");
    public static readonly int DP = Index("DP");
    public static readonly int RefCount = Index("RefCount");
    public static readonly int AltCount = Index("AltCount");
    public static readonly int GT = Index("GT");
    public static readonly int PS = Index("PS");
    public static readonly int VariantType = Index("VariantType");
    public static readonly int VariantInfo = Index("VariantInfo");
    public static readonly int DNAChange = Index("DNAChange");
    public static readonly int ProteinChange = Index("ProteinChange");
    public static readonly int HugoSymbol = Index("HugoSymbol");
    public static readonly int EnsemblGeneID = Index("EnsemblGeneID");
    public static readonly int EnsemblFeatureID = Index("EnsemblFeatureID");
    public static readonly int HgncName = Index("HgncName");
    public static readonly int HgncFamily = Index("HgncFamily");
    public static readonly int UniprotID = Index("UniprotID");
    public static readonly int DbsnpRsID = Index("DbsnpRsID");
    public static readonly int GcContent = Index("GcContent");
    public static readonly int LofGeneName = Index("LofGeneName");
    public static readonly int LofGeneId = Index("LofGeneId");
    public static readonly int LofNumberOfTranscriptsInGene = Index("LofNumberOfTranscriptsInGene");
    public static readonly int LofPercentOfTranscriptsAffected = Index("LofPercentOfTranscriptsAffected");
    public static readonly int NMD = Index("NMD");
    public static readonly int MolecularConsequence = Index("MolecularConsequence");
    public static readonly int VepImpact = Index("VepImpact");
    public static readonly int VepBiotype = Index("VepBiotype");
    public static readonly int VepHgncID = Index("VepHgncID");
    public static readonly int VepExistingVariation = Index("VepExistingVariation");
    public static readonly int VepManeSelect = Index("VepManeSelect");
    public static readonly int VepENSP = Index("VepENSP");
    public static readonly int VepSwissprot = Index("VepSwissprot");
    public static readonly int Sift = Index("Sift");
    public static readonly int Polyphen = Index("Polyphen");
    public static readonly int GnomadeAF = Index("GnomadeAF");
    public static readonly int GnomadgAF = Index("GnomadgAF");
    public static readonly int VepClinSig = Index("VepClinSig");
    public static readonly int VepSomatic = Index("VepSomatic");
    public static readonly int VepPliGeneValue = Index("VepPliGeneValue");
    public static readonly int VepLofTool = Index("VepLofTool");
    public static readonly int OncogeneHighImpact = Index("OncogeneHighImpact");
    public static readonly int TumorSuppressorHighImpact = Index("TumorSuppressorHighImpact");
    public static readonly int TranscriptLikelyLof = Index("TranscriptLikelyLof");
    public static readonly int CivicID = Index("CivicID");
    public static readonly int CivicDescription = Index("CivicDescription");
    public static readonly int CivicScore = Index("CivicScore");
    public static readonly int LikelyLoF = Index("LikelyLoF");
    public static readonly int HessDriver = Index("HessDriver");
    public static readonly int HessSignature = Index("HessSignature");
    public static readonly int RevelScore = Index("RevelScore");
    public static readonly int PharmgkbId = Index("PharmgkbId");
    public static readonly int DidaID = Index("DidaID");
    public static readonly int DidaName = Index("DidaName");
    public static readonly int GwasDisease = Index("GwasDisease");
    public static readonly int GwasPmID = Index("GwasPmID");
    public static readonly int ProveanPrediction = Index("ProveanPrediction");
    public static readonly int AMClass = Index("AMClass");
    public static readonly int AMPathogenicity = Index("AMPathogenicity");
    public static readonly int Hotspot = Index("Hotspot");
    public static readonly int Rescue = Index("Rescue");
    public static readonly int ModelID = Index("ModelID");
    public static readonly int EntrezGeneID = Index("EntrezGeneID");

    private static int Index(string name) => Array.IndexOf(Header, name) is >= 0 and int i
        ? i
        : throw new InvalidOperationException($"Column {name} is missing from the header.");
}
