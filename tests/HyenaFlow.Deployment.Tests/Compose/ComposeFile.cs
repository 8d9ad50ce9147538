using HyenaFlow.Deployment.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HyenaFlow.Deployment.Tests.Compose;

/// <summary>
/// docker-compose.yml as docker compose would see it with a <c>.env</c> copied from <c>.env.example</c> and its two
/// secrets filled in: variables substituted, YAML anchors and merge keys (<c>&lt;&lt;</c>) applied.
/// </summary>
internal sealed class ComposeFile
{
    public const string FileName = "docker-compose.yml";

    /// <summary>The Dockerfile of the HyenaFlow image (server and workers), relative to the repository root.</summary>
    public const string HyenaFlowDockerfile = "infra/docker/hyenaflow.Dockerfile";

    /// <summary>What a user puts in .env for the settings the example leaves empty on purpose.</summary>
    public static IReadOnlyDictionary<string, string> FilledSecrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POSTGRES_PASSWORD"] = "example-postgres-password",
        ["HYENAFLOW_API_KEY"] = "example-api-key",
    };

    private ComposeFile(ComposeDocument document, IReadOnlyList<VariableUse> uses, IReadOnlyDictionary<string, string> values, YamlMappingNode root)
    {
        Document = document;
        Uses = uses;
        Values = values;
        Root = root;
    }

    public ComposeDocument Document { get; }

    /// <summary>Every <c>${VARIABLE}</c> of the file, before substitution.</summary>
    public IReadOnlyList<VariableUse> Uses { get; }

    /// <summary>The variable values substitution used.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The substituted document as YAML nodes (for checks on keys the typed model does not hold).</summary>
    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, ComposeService> Services => Document.Services;

    /// <summary>Services running the HyenaFlow image: the server and the workers.</summary>
    public IEnumerable<KeyValuePair<string, ComposeService>> HyenaFlowServices =>
        Services.Where(s => s.Value.Build is { } build && DockerfileOf(build) == HyenaFlowDockerfile);

    public KeyValuePair<string, ComposeService> SingleService(Func<ComposeService, bool> predicate, string what)
    {
        var matches = Services.Where(s => predicate(s.Value)).ToList();
        return matches.Count == 1 ? matches[0]
            : throw new Xunit.Sdk.XunitException($"{FileName}: expected exactly one service that {what}, found {matches.Count} ({string.Join(", ", matches.Select(m => m.Key))})");
    }

    /// <summary>The Dockerfile of a build section, relative to the repository root with '/' separators.</summary>
    public static string DockerfileOf(ComposeBuild build) =>
        Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.PathOf(build.Context), build.Dockerfile))).Replace(Path.DirectorySeparatorChar, '/');

    public static ComposeFile Load()
    {
        var values = new Dictionary<string, string>(EnvExample.Load().Values, StringComparer.Ordinal);
        foreach (var (name, value) in FilledSecrets)
        {
            if (string.IsNullOrEmpty(values.GetValueOrDefault(name)))
                values[name] = value;
        }

        return Parse(Repository.ReadText(FileName), values);
    }

    public static ComposeFile Parse(string text, IReadOnlyDictionary<string, string> values)
    {
        var (substituted, uses) = ComposeInterpolation.Apply(text, values, FileName);
        // First as plain objects, which applies anchors, aliases and merge keys everywhere (x- extension fields
        // included), then written out without aliases and read into the typed model, which skips the x- fields.
        object? plain;
        try
        {
            plain = new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(new StringReader(substituted))));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{FileName} line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var expanded = new SerializerBuilder().DisableAliases().Build().Serialize(plain);
        var document = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<ComposeDocument>(expanded);

        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(substituted))));
        return new ComposeFile(document, uses, values, (YamlMappingNode)stream.Documents[0].RootNode);
    }
}
