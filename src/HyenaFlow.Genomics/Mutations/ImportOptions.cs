namespace HyenaFlow.Genomics.Mutations;

/// <summary>How <see cref="MutationImporter"/> cleans DepMap mutations. Defaults follow the thesis.</summary>
public sealed record ImportOptions
{
    public static IReadOnlyList<string> ThesisClasses { get; } = ["Lung", "Lymphoid"];

    /// <summary>OncotreeLineage values kept, in label order (label 0 = first).</summary>
    public IReadOnlyList<string> Classes { get; init; } = ThesisClasses;

    public RefMismatchPolicy RefMismatch { get; init; } = RefMismatchPolicy.Skip;

    /// <summary>Drop cell lines whose mutation count is at or below the median over all kept lines (thesis §3).</summary>
    public bool MedianFilter { get; init; } = true;

    /// <summary>How many examples of each drop reason the report keeps.</summary>
    public int SampleSize { get; init; } = 10;
}
