using System.Globalization;
using System.Reflection;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// Runs the named benchmarks (or all); each is a class implementing <see cref="IBenchmark"/> found by
/// reflection. Prints the date, machine and load average before and after, because other work on the
/// same cores changes every figure.
/// </summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var all = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IBenchmark).IsAssignableFrom(t))
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Order)
            .ToList();
        if (args is ["--list"])
        {
            all.ForEach(b => Console.WriteLine($"{b.Name,-12} {b.Description}"));
            return 0;
        }

        BenchContext context;
        List<string> names;
        try
        {
            (context, names) = BenchContext.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var chosen = names.Count == 0 ? all : all.Where(b => names.Contains(b.Name)).ToList();
        if (chosen.Count == 0 || chosen.Count < names.Distinct().Count())
        {
            Console.Error.WriteLine($"Unknown benchmark among {string.Join(", ", names)}; try --list.");
            return 2;
        }

        TorchSettings.UseThreads(context.Threads);
        var started = DateTime.Now;
        Console.WriteLine($"# HyenaFlow engine bench, {started:yyyy-MM-dd HH:mm}");
        Console.WriteLine($"machine: {MachineInfo.Describe()}; threads: {context.Threads}; libtorch {TorchSharp.torch.__version__} (TorchSharp)");
        Console.WriteLine($"load average before: {MachineInfo.LoadAverage()}");
        Console.WriteLine();
        foreach (var bench in chosen)
        {
            Console.WriteLine($"## {bench.Name}: {bench.Description}");
            Console.WriteLine();
            await bench.RunAsync(context, Console.Out);
            Console.WriteLine();
        }

        Console.WriteLine($"load average after: {MachineInfo.LoadAverage()}; wall time {(DateTime.Now - started).TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
        return 0;
    }
}

/// <summary>A benchmark prints its figures and, for each, the ratio against a reference measured in the same run.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    /// <summary>Position in a full run (figure order).</summary>
    int Order { get; }

    Task RunAsync(BenchContext context, TextWriter output);
}
