namespace HyenaFlow.Workflows.Definitions.Expressions;

/// <summary>What a <c>${{ }}</c> expression may say: a reference to a parameter, a stage output or a matrix value.
/// There is nothing else: no operators, no calls, no code.</summary>
public abstract record Reference
{
    public abstract string Path { get; }

    public sealed override string ToString() => $"${{{{ {Path} }}}}";
}

/// <summary><c>${{ parameters.&lt;name&gt; }}</c></summary>
public sealed record ParameterReference(string Name) : Reference
{
    public override string Path => $"parameters.{Name}";
}

/// <summary><c>${{ stages.&lt;id&gt;.outputs.&lt;name&gt; }}</c>: an edge from that stage to this one.</summary>
public sealed record StageOutputReference(string Stage, string Output) : Reference
{
    public override string Path => $"stages.{Stage}.outputs.{Output}";
}

/// <summary><c>${{ matrix.&lt;key&gt; }}</c>: the value of a key in this stage's matrix cell.</summary>
public sealed record MatrixReference(string Key) : Reference
{
    public override string Path => $"matrix.{Key}";
}
