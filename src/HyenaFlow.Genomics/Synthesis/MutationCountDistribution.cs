namespace HyenaFlow.Genomics.Synthesis;

/// <summary>
/// Mutations per cell line as a log-normal fitted to a table's min / median / mean / max (thesis Table 3.2):
/// μ = ln(median), σ = √(2·ln(mean/median)); draws are clamped to [min, max] and the extreme lines are pinned to them.
/// </summary>
public sealed record MutationCountDistribution(int Min, int Median, double Mean, int Max)
{
    public double Mu => Math.Log(Median);

    public double Sigma => Math.Sqrt(2.0 * Math.Log(Mean / Median));

    internal int Sample(SeededRandom random) =>
        (int)Math.Clamp(Math.Round(Math.Exp(Mu + Sigma * random.NextGaussian())), Min, Max);

    internal void Validate(string name)
    {
        if (Min < 1 || Median < Min || Max < Median || Mean <= Median || Mean > Max)
        {
            throw new ArgumentException($"{name}: need 1 ≤ Min ≤ Median < Mean ≤ Max (a right-skewed count distribution), got {this}.");
        }
    }
}
