using System.Text.Json;
using HyenaFlow.Deployment.Tests.Support;

namespace HyenaFlow.Deployment.Tests.Docker;

/// <summary>One instruction, its continuation lines joined; <see cref="Line"/> is where it starts.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>Whitespace-separated words, flags (<c>--from=…</c>) included.</summary>
    public IReadOnlyList<string> Words => Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The value of a <c>--name=value</c> flag, or null.</summary>
    public string? Flag(string name) =>
        Words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).FirstOrDefault(w => w.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];

    /// <summary>COPY/ADD sources (every word after the flags but the last) and destination (the last).</summary>
    public (IReadOnlyList<string> Sources, string Destination) CopyOperands()
    {
        var operands = Words.SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
        return operands.Count >= 2 ? (operands[..^1], operands[^1]) : throw new InvalidDataException($"line {Line}: {Keyword} needs a source and a destination");
    }

    /// <summary>The exec form of CMD/ENTRYPOINT: a JSON array of strings.</summary>
    public IReadOnlyList<string> ExecForm() =>
        JsonSerializer.Deserialize<string[]>(Arguments) ?? throw new InvalidDataException($"line {Line}: {Keyword} is not a JSON array");
}

/// <summary>A build stage: <c>FROM image [AS name]</c> and what follows up to the next FROM.</summary>
internal sealed record DockerStage(string Image, string? Name, int Line, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>The names declared by ARG in this stage.</summary>
    public IReadOnlySet<string> Args => All("ARG").Select(a => a.Words[0].Split('=')[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>ENV NAME=value pairs of this stage (the key=value form).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        All("ENV").SelectMany(e => e.Words).Select(w => w.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}

/// <summary>A Dockerfile read as the builder reads it: comments and parser directives skipped, lines ending in a
/// backslash joined with the next, instructions grouped by stage.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerInstruction> globalArgs, IReadOnlyList<DockerStage> stages)
    {
        Path = path;
        GlobalArgs = globalArgs;
        Stages = stages;
    }

    /// <summary>Relative to the repository root.</summary>
    public string Path { get; }

    /// <summary>ARG instructions before the first FROM.</summary>
    public IReadOnlyList<DockerInstruction> GlobalArgs { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new Xunit.Sdk.XunitException($"{Path}: no stage named '{name}'");

    public DockerStage Final => Stages[^1];

    public static Dockerfile Load(string relative) => Parse(relative, Repository.ReadText(relative));

    public static Dockerfile Parse(string path, string text)
    {
        var instructions = new List<DockerInstruction>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var start = i;
            var joined = line;
            while (joined.EndsWith('\\') && i + 1 < lines.Length)
            {
                joined = joined[..^1];
                var next = lines[++i].TrimEnd('\r').Trim();
                if (!next.StartsWith('#'))
                    joined += " " + next;
            }

            var space = joined.IndexOfAny([' ', '\t']);
            if (space < 0)
                throw new InvalidDataException($"{path} line {start + 1}: '{joined}' has no arguments");
            instructions.Add(new DockerInstruction(joined[..space].ToUpperInvariant(), joined[(space + 1)..].Trim(), start + 1));
        }

        var globalArgs = instructions.TakeWhile(i => i.Keyword != "FROM").ToList();
        if (globalArgs.Any(i => i.Keyword != "ARG"))
            throw new InvalidDataException($"{path} line {globalArgs.First(i => i.Keyword != "ARG").Line}: only ARG may come before the first FROM");
        var stages = new List<DockerStage>();
        var rest = instructions.Skip(globalArgs.Count).ToList();
        for (var i = 0; i < rest.Count;)
        {
            var from = rest[i];
            var words = from.Words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            var name = words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
            if (words.Count != 1 && name is null)
                throw new InvalidDataException($"{path} line {from.Line}: expected FROM image [AS name]");
            var body = rest.Skip(i + 1).TakeWhile(x => x.Keyword != "FROM").ToList();
            stages.Add(new DockerStage(words[0], name, from.Line, body));
            i += 1 + body.Count;
        }

        return stages.Count > 0 ? new Dockerfile(path, globalArgs, stages) : throw new InvalidDataException($"{path}: no FROM");
    }
}
