namespace HyenaFlow.Analysis;

/// <summary>How distances between input rows are measured.</summary>
public enum DistanceMetric
{
    /// <summary>Straight-line distance.</summary>
    Euclidean,

    /// <summary>1 − cos(angle); rows are compared by direction only, so scaling a row changes nothing.</summary>
    Cosine,
}
