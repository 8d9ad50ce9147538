namespace HyenaFlow.Workflows.Definitions.Expressions;

/// <summary>
/// A string value split into literal text and references. A string that is exactly one expression
/// (<see cref="WholeValue"/>) takes the referenced value as it is (a number stays a number, an array an array);
/// any other mix is string interpolation.
/// </summary>
public sealed record Template(IReadOnlyList<TemplatePart> Parts)
{
    public Reference? WholeValue => Parts is [ReferencePart only] ? only.Reference : null;

    public bool HasReferences => Parts.Any(p => p is ReferencePart);

    public IEnumerable<Reference> References => Parts.OfType<ReferencePart>().Select(p => p.Reference);
}

public abstract record TemplatePart;

public sealed record TextPart(string Text) : TemplatePart;

public sealed record ReferencePart(Reference Reference) : TemplatePart;
