namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// How many rows a model gets: <see cref="Autosomal"/> clean mutations (what survives cleaning), plus rows planted
/// for cleaning to drop: on chrX/chrY, exact duplicates and complex substitutions.
/// </summary>
internal sealed record LinePlan(SyntheticModel Model, int Autosomal, int OnX, int OnY, int Duplicates, int Complex)
{
    public int RawRows => Autosomal + OnX + OnY + Duplicates + Complex;
}
