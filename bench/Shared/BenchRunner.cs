using System.Reflection;

namespace HyenaFlow.Bench;

/// <summary>Runs the named benchmarks (or all); each is a class implementing <see cref="IBenchmark"/> found by reflection.</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var all = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IBenchmark).IsAssignableFrom(t))
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        if (args is ["--list"])
        {
            all.ForEach(b => Console.WriteLine($"{b.Name,-24} {b.Description}"));
            return 0;
        }

        var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name)).ToList();
        if (chosen.Count == 0)
        {
            Console.Error.WriteLine($"No benchmark named {string.Join(", ", args)}; try --list.");
            return 2;
        }

        foreach (IBenchmark bench in chosen)
        {
            Console.WriteLine($"== {bench.Name}: {bench.Description}");
            await bench.RunAsync(Console.Out);
            Console.WriteLine();
        }

        return 0;
    }
}

/// <summary>A benchmark prints its figures and, for each, the ratio against a reference measured in the same run.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(TextWriter output);
}
