namespace HyenaFlow.Genomics.Synthesis;

/// <summary>The generative processes behind synthetic SNVs (the ground truth a classifier can learn).</summary>
public enum MutationalProcess
{
    /// <summary>Any plain base, any other base: carries no lineage information.</summary>
    Background,

    /// <summary>SBS4-like: C&gt;A (G&gt;T on the other strand), favouring CpG and CpC contexts.</summary>
    TobaccoSmoking,

    /// <summary>SBS1-like: C&gt;T at CpG (G&gt;A on the other strand), methylated-C deamination with age.</summary>
    CpgDeamination,

    /// <summary>AID-like: clusters of 3–10 mutations within a few kb at WRCY/RGYW motifs, often in recurrent target regions.</summary>
    AidClustered,
}
