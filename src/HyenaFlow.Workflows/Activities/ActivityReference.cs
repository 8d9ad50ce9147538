using System.Text.RegularExpressions;

namespace HyenaFlow.Workflows.Activities;

/// <summary>The <c>name@version</c> text of a stage's <c>uses</c>, split into its parts.</summary>
public sealed partial record ActivityReference(string Name, string Version)
{
    public static bool TryParse(string? text, out ActivityReference reference)
    {
        reference = new ActivityReference("", "");
        if (text is null)
            return false;
        var match = Shape().Match(text);
        if (!match.Success)
            return false;
        reference = new ActivityReference(match.Groups["name"].Value, match.Groups["version"].Value);
        return true;
    }

    public override string ToString() => $"{Name}@{Version}";

    [GeneratedRegex(@"^(?<name>[a-z][a-z0-9-]*)@(?<version>[A-Za-z0-9][A-Za-z0-9.]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
