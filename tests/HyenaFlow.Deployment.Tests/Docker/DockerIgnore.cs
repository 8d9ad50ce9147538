using System.Text;
using System.Text.RegularExpressions;
using HyenaFlow.Deployment.Tests.Support;

namespace HyenaFlow.Deployment.Tests.Docker;

/// <summary>
/// The repository's .dockerignore: which context paths the builder never sees. Follows Docker's rules for what the
/// file uses: <c>*</c> within a path segment, <c>**</c> across segments, a trailing '/' ignored, a pattern excluding
/// a folder excludes everything under it, <c>!</c> re-includes, the last matching pattern wins.
/// </summary>
internal sealed class DockerIgnore
{
    public const string FileName = ".dockerignore";

    private readonly List<(Regex Pattern, bool Include, string Text)> _patterns;

    private DockerIgnore(List<(Regex, bool, string)> patterns) => _patterns = patterns;

    public IEnumerable<string> Patterns => _patterns.Select(p => p.Text);

    public static DockerIgnore Load() => Parse(Repository.ReadText(FileName));

    public static DockerIgnore Parse(string text)
    {
        var patterns = new List<(Regex, bool, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var include = line.StartsWith('!');
            var pattern = (include ? line[1..] : line).Trim().TrimStart('/').TrimEnd('/');
            patterns.Add((new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant), include, line));
        }

        return new DockerIgnore(patterns);
    }

    /// <summary>Whether a context path (repository-relative, '/' separators) is left out of the build context.</summary>
    public bool Excludes(string path)
    {
        var segments = path.Trim('/').Split('/');
        // A path is excluded when it or one of its parent folders is.
        for (var length = 1; length <= segments.Length; length++)
        {
            if (Matches(string.Join('/', segments[..length])))
                return true;
        }

        return false;
    }

    private bool Matches(string path)
    {
        var excluded = false;
        foreach (var (pattern, include, _) in _patterns)
        {
            if (pattern.IsMatch(path))
                excluded = !include;
        }

        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (pattern[i] == '*')
                regex.Append("[^/]*");
            else if (pattern[i] == '?')
                regex.Append("[^/]");
            else
                regex.Append(Regex.Escape(pattern[i].ToString()));
        }

        return regex.ToString();
    }
}
