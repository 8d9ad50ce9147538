namespace HyenaFlow.Workflows.Activities;

/// <summary>
/// What an activity is, as the runtime and the Studio see it: its name and version (a stage's
/// <c>uses: "name@version"</c>), palette category, typed inputs and outputs, and where it runs by default.
/// The activity classes (HyenaFlow.Activities) publish these; nothing here runs code.
/// </summary>
public sealed record ActivityDescriptor(
    string Name,
    string Version,
    string Category,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    Resources DefaultResources)
{
    /// <summary>The text a stage's <c>uses</c> holds to name this activity.</summary>
    public string Reference => $"{Name}@{Version}";

    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    public OutputDescriptor? FindOutput(string name) => Outputs.FirstOrDefault(o => o.Name == name);
}
