using System.Text.Json;

namespace HyenaFlow.Storage.Manifests;

/// <summary>
/// A stored directory: its files sorted by ordinal path. The canonical JSON form
/// (<c>{"version":1,"files":[{"path":…,"sha256":…,"length":…},…]}</c>, no whitespace) is what gets hashed, so
/// the same files give the same directory digest on every machine. Empty sub-directories are not recorded.
/// </summary>
public sealed class ArtifactManifest
{
    public const int Version = 1;

    public ArtifactManifest(IEnumerable<ManifestEntry> files)
        : this(files, "manifest")
    {
    }

    private ArtifactManifest(IEnumerable<ManifestEntry> files, string where)
    {
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Validate(sorted, where);
        Files = sorted;
    }

    public IReadOnlyList<ManifestEntry> Files { get; }

    public byte[] ToCanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteStartArray("files");
            foreach (var file in Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("sha256", file.Digest);
                json.WriteNumber("length", file.Length);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a manifest, refusing unsafe paths, bad digests and duplicates; <paramref name="where"/> names it in errors.</summary>
    public static ArtifactManifest Parse(ReadOnlySpan<byte> json, string where)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != Version
                || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{where}: not a version {Version} artifact manifest (expected {{\"version\":1,\"files\":[…]}}).");
            }

            var entries = new List<ManifestEntry>();
            foreach (var file in files.EnumerateArray())
            {
                var path = file.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : null;
                var digest = file.TryGetProperty("sha256", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : null;
                var length = file.TryGetProperty("length", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt64(out var n) ? n : -1;
                if (path is null || digest is null || length < 0)
                {
                    throw new InvalidDataException($"{where}: file entry {entries.Count} needs a string 'path', a string 'sha256' and a non-negative 'length'.");
                }

                entries.Add(new ManifestEntry(path, digest, length));
            }

            return new ArtifactManifest(entries, where);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: not valid JSON ({e.Message}).", e);
        }
    }

    private static void Validate(IReadOnlyList<ManifestEntry> sorted, string where)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in sorted)
        {
            ArtifactPath.Require(file.Path, where);
            if (!Sha256Digest.IsValid(file.Digest))
            {
                throw new InvalidDataException($"{where}: file '{file.Path}' has '{file.Digest}' where a sha256 digest (64 lower-case hex digits) belongs.");
            }

            if (file.Length < 0)
            {
                throw new InvalidDataException($"{where}: file '{file.Path}' has a negative length.");
            }

            if (!paths.Add(file.Path))
            {
                throw new InvalidDataException($"{where}: path '{file.Path}' appears twice.");
            }
        }

        // A path that is also another path's folder ("a" and "a/b") cannot be written.
        foreach (var path in paths)
        {
            for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
            {
                if (paths.Contains(path[..slash]))
                {
                    throw new InvalidDataException($"{where}: '{path[..slash]}' is both a file and the folder of '{path}'.");
                }
            }
        }
    }
}
