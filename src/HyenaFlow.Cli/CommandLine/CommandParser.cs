namespace HyenaFlow.Cli.CommandLine;

/// <summary>Turns the words after the verb into <see cref="ParsedArguments"/> according to the verb's specs.</summary>
public static class CommandParser
{
    public static ParsedArguments Parse(CliCommand command, IReadOnlyList<string> words)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            if (word == "--")
            {
                positionals.AddRange(words.Skip(i + 1));
                break;
            }

            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
            {
                positionals.Add(word);
                continue;
            }

            string name = word[2..];
            string? inlineValue = null;
            int equals = name.IndexOf('=');
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            OptionSpec spec = command.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"Unknown option --{name} for '{command.Name}'. See 'hyenaflow {command.Name} --help'.");
            string value;
            if (spec.IsFlag)
            {
                value = inlineValue ?? "true";
            }
            else if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < words.Count)
            {
                value = words[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value ({spec.ValueName}).");
            }

            if (!options.TryGetValue(name, out var list))
            {
                options[name] = list = [];
            }
            else if (!spec.Repeatable)
            {
                throw new UsageException($"--{name} may be given only once.");
            }

            list.Add(value);
        }

        foreach (OptionSpec spec in command.Options)
        {
            if (spec.Required && !options.ContainsKey(spec.Name))
            {
                throw new UsageException($"--{spec.Name} is required for '{command.Name}'.");
            }

            if (spec.Default is not null && !options.ContainsKey(spec.Name))
            {
                options[spec.Name] = [spec.Default];
            }
        }

        CheckPositionals(command, positionals);
        return new ParsedArguments(options, positionals);
    }

    private static void CheckPositionals(CliCommand command, List<string> positionals)
    {
        IReadOnlyList<ArgumentSpec> specs = command.Arguments;
        int required = specs.Count(a => a.Required);
        bool many = specs.Count > 0 && specs[^1].Many;
        if (positionals.Count < required)
        {
            throw new UsageException($"'{command.Name}' needs {string.Join(" ", specs.Where(a => a.Required).Select(a => a.Name))}.");
        }

        if (!many && positionals.Count > specs.Count)
        {
            throw new UsageException($"'{command.Name}' does not take '{positionals[specs.Count]}'.");
        }
    }
}
