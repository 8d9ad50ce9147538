namespace HyenaFlow.Genomics.Synthesis;

/// <summary>One Oncotree diagnosis as DepMap's Model.csv spells it.</summary>
internal sealed record Diagnosis(string PrimaryDisease, string Subtype, string Code, string ModelType);

/// <summary>A lineage's diagnoses, sampling sites and cell-line name patterns ({0} is a number).</summary>
internal sealed record LineageProfile(string Lineage, string CcleTissue, IReadOnlyList<Diagnosis> Diagnoses, IReadOnlyList<string> MetastaticSites, IReadOnlyList<string> NamePatterns, string GrowthPattern);

/// <summary>The lineages generated, with DepMap-like vocabulary; Lung and Lymphoid are the thesis's classes.</summary>
internal static class LineageCatalog
{
    public const string NonCancerous = "Non-Cancerous";

    public static readonly LineageProfile Lung = new(
        "Lung", "LUNG",
        [
            new("Non-Small Cell Lung Cancer", "Lung Adenocarcinoma", "LUAD", "LUAD"),
            new("Non-Small Cell Lung Cancer", "Lung Adenocarcinoma", "LUAD", "LUAD"),
            new("Non-Small Cell Lung Cancer", "Lung Squamous Cell Carcinoma", "LUSC", "LUSC"),
            new("Non-Small Cell Lung Cancer", "Large Cell Lung Carcinoma", "LCLC", "LCLC"),
            new("Non-Small Cell Lung Cancer", "Non-Small Cell Lung Cancer", "NSCLC", "NSCLC"),
            new("Lung Neuroendocrine Tumor", "Small Cell Lung Cancer", "SCLC", "SCLC"),
        ],
        ["pleural_effusion", "lymph_node", "brain", "liver", "adrenal_gland", "bone"],
        ["NCI-H{0}", "HCC{0}", "Calu-{0}", "LU-{0}", "PC-{0}", "HOP-{0}", "EBC-{0}", "SW {0}", "DMS {0}"],
        "Adherent");

    public static readonly LineageProfile Lymphoid = new(
        "Lymphoid", "HAEMATOPOIETIC_AND_LYMPHOID_TISSUE",
        [
            new("Non-Hodgkin Lymphoma", "Diffuse Large B-Cell Lymphoma, NOS", "DLBCLNOS", "DLBCLNOS"),
            new("Non-Hodgkin Lymphoma", "Burkitt Lymphoma", "BL", "BL"),
            new("Non-Hodgkin Lymphoma", "Mantle Cell Lymphoma", "MCL", "MCL"),
            new("B-Lymphoblastic Leukemia/Lymphoma", "B-Lymphoblastic Leukemia/Lymphoma", "BLL", "BLL"),
            new("T-Lymphoblastic Leukemia/Lymphoma", "T-Lymphoblastic Leukemia/Lymphoma", "TLL", "TLL"),
            new("Mature B-Cell Neoplasms", "Plasma Cell Myeloma", "PCM", "PCM"),
            new("Hodgkin Lymphoma", "Classical Hodgkin Lymphoma", "CHL", "CHL"),
        ],
        ["bone_marrow", "peripheral_blood", "lymph_node", "pleural_effusion", "ascites"],
        ["OCI-LY{0}", "SU-DHL-{0}", "KARPAS-{0}", "DOHH-{0}", "RPMI-{0}", "MOLT-{0}", "NALM-{0}", "KMS-{0}", "HBL-{0}", "L-{0}"],
        "Suspension");

    public static readonly IReadOnlyList<LineageProfile> Others =
    [
        new("Breast", "BREAST", [new("Invasive Breast Carcinoma", "Breast Invasive Ductal Carcinoma", "IDC", "IDC")], ["pleural_effusion", "brain"], ["MDA-MB-{0}", "HCC{0}", "BT-{0}"], "Adherent"),
        new("Skin", "SKIN", [new("Melanoma", "Cutaneous Melanoma", "SKCM", "SKCM")], ["lymph_node", "skin"], ["SK-MEL-{0}", "WM{0}", "A{0}"], "Adherent"),
        new("CNS/Brain", "CENTRAL_NERVOUS_SYSTEM", [new("Diffuse Glioma", "Glioblastoma", "GB", "GB")], ["brain"], ["U-{0}MG", "SF{0}", "LN-{0}"], "Adherent"),
        new("Bowel", "LARGE_INTESTINE", [new("Colorectal Adenocarcinoma", "Colon Adenocarcinoma", "COAD", "COAD")], ["liver", "lymph_node"], ["SW{0}", "HCT-{0}", "LS{0}T"], "Adherent"),
        new("Pancreas", "PANCREAS", [new("Pancreatic Adenocarcinoma", "Pancreatic Adenocarcinoma", "PAAD", "PAAD")], ["liver", "ascites"], ["PANC-{0}", "PA-TU-{0}", "CFPAC-{0}"], "Adherent"),
        new("Ovary/Fallopian Tube", "OVARY", [new("Ovarian Epithelial Tumor", "High-Grade Serous Ovarian Cancer", "HGSOC", "HGSOC")], ["ascites"], ["OVCAR-{0}", "CAOV-{0}", "OV-{0}"], "Adherent"),
        new("Myeloid", "HAEMATOPOIETIC_AND_LYMPHOID_TISSUE", [new("Acute Myeloid Leukemia", "Acute Myeloid Leukemia", "AML", "AML")], ["bone_marrow", "peripheral_blood"], ["MOLM-{0}", "OCI-AML{0}", "KG-{0}"], "Suspension"),
        new("Kidney", "KIDNEY", [new("Renal Cell Carcinoma", "Renal Clear Cell Carcinoma", "CCRCC", "CCRCC")], ["lung", "bone"], ["CAKI-{0}", "A-{0}", "RCC{0}"], "Adherent"),
    ];

    /// <summary>Normal lines DepMap files under a lineage with primary disease Non-Cancerous.</summary>
    public static Diagnosis NonCancerousDiagnosis(string lineage) =>
        new(NonCancerous, lineage == Lymphoid.Lineage ? "Immortalized Lymphoblastoid" : "Immortalized", "", lineage == Lymphoid.Lineage ? "NCLYMPH" : "NCLUNG");

    public static IReadOnlyList<string> NonCancerousNamePatterns(string lineage) =>
        lineage == Lymphoid.Lineage ? ["GM{0}", "LCL-{0}"] : ["BEAS-{0}B", "HBEC{0}-KT", "NL{0}"];
}
