using System.Globalization;
using HyenaFlow.Workflows.Definitions;

namespace HyenaFlow.Server.Workflows;

/// <summary>
/// The workflow definitions the API serves: <c>NAME.json</c> directly in one folder, with every replaced or deleted
/// content kept as <c>.versions/NAME/N.json</c> (N counting up from 1). A name is a workflow identifier
/// (letters, digits, '_' and '-', no dots or slashes), and every path is checked to lie in the folder, so no
/// request reaches a file outside it. Files are stored exactly as sent, so what is saved is what is read back.
/// </summary>
public sealed class WorkflowFolder
{
    /// <summary>workflows/schema.json is the editors' JSON schema, not a workflow.</summary>
    public const string ReservedName = "schema";
    private const string VersionsFolder = ".versions";
    private readonly Lock _writing = new();

    public WorkflowFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public static bool IsValidName(string? name) => Identifiers.IsValid(name) && name != ReservedName;

    public IReadOnlyList<string> Names() =>
        Directory.Exists(Root)
            ? Directory.EnumerateFiles(Root, "*.json", SearchOption.TopDirectoryOnly)
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Where(IsValidName)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public string PathOf(string name) => Inside(Root, name + ".json", name);

    public bool Exists(string name) => File.Exists(PathOf(name));

    public byte[]? Read(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>Writes the definition; the content it replaces (if different) becomes the next version.
    /// Returns the number of kept versions.</summary>
    public int Save(string name, byte[] content)
    {
        var path = PathOf(name);
        lock (_writing)
        {
            Directory.CreateDirectory(Root);
            if (File.Exists(path))
            {
                var previous = File.ReadAllBytes(path);
                if (!previous.AsSpan().SequenceEqual(content))
                    Keep(name, previous);
            }

            WriteAtomically(path, content);
            return Versions(name).Count;
        }
    }

    /// <summary>Removes the definition, keeping its last content as a version. False when there was none.</summary>
    public bool Delete(string name)
    {
        var path = PathOf(name);
        lock (_writing)
        {
            if (!File.Exists(path))
                return false;
            Keep(name, File.ReadAllBytes(path));
            File.Delete(path);
            return true;
        }
    }

    public IReadOnlyList<int> Versions(string name)
    {
        var folder = VersionsOf(name);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json")
                .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(n => n > 0)
                .Order()
                .ToList()
            : [];
    }

    public byte[]? ReadVersion(string name, int number)
    {
        if (number <= 0)
            return null;
        var path = Inside(VersionsOf(name), number.ToString(CultureInfo.InvariantCulture) + ".json", name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private void Keep(string name, byte[] content)
    {
        var folder = VersionsOf(name);
        Directory.CreateDirectory(folder);
        var next = (Versions(name).LastOrDefault() + 1).ToString(CultureInfo.InvariantCulture);
        WriteAtomically(Inside(folder, next + ".json", name), content);
    }

    private string VersionsOf(string name) => Inside(Path.Combine(Root, VersionsFolder), name, name);

    /// <summary>folder/file, refused unless the name is an identifier and the result stays directly in the folder.</summary>
    private static string Inside(string folder, string file, string name)
    {
        if (!IsValidName(name))
            throw new InvalidWorkflowNameException(name);
        var path = Path.GetFullPath(Path.Combine(folder, file));
        if (!string.Equals(Path.GetDirectoryName(path), Path.GetFullPath(folder), StringComparison.Ordinal))
            throw new InvalidWorkflowNameException(name);
        return path;
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}

public sealed class InvalidWorkflowNameException(string name)
    : Exception($"'{name}' is not a workflow name: use letters, digits, '_' and '-' (at most 64, not starting with a digit or '-'), and not '{WorkflowFolder.ReservedName}'");
