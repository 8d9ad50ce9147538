namespace HyenaFlow.Genomics.Mutations;

/// <summary>What to do with a mutation whose Ref does not match the reference genome at its position.</summary>
public enum RefMismatchPolicy
{
    /// <summary>Count it, keep a sample for the report, and drop it.</summary>
    Skip,

    /// <summary>Stop the import: the genome is probably the wrong build.</summary>
    Fail,
}
