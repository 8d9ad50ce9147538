namespace HyenaFlow.Workflows.Activities;

/// <summary>The kinds of value that flow between stages. <see cref="Path"/> and <see cref="Artifact"/> are JSON
/// strings too; they exist so that the Studio and the runtime know a value names a file or a stored blob.</summary>
public enum DataKind
{
    String,
    Integer,
    Number,
    Boolean,
    Path,
    Artifact,
    Object,
    Any,
    Array,
}
