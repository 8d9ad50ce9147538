namespace HyenaFlow.Workflows.Activities;

/// <summary>One output of an activity, referable downstream as <c>${{ stages.&lt;id&gt;.outputs.&lt;name&gt; }}</c>.</summary>
public sealed record OutputDescriptor(string Name, DataType Type, string Description);
