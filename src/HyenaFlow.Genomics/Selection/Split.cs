namespace HyenaFlow.Genomics.Selection;

/// <summary>Where a cell line goes: fine-tuning train/test, or the held-out lines of the embedding experiment.</summary>
public enum Split
{
    Train,
    Test,
    Embedding,
}
