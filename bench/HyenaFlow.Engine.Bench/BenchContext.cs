using System.Globalization;

namespace HyenaFlow.Engine.Bench;

/// <summary>Settings shared by every benchmark of one run.</summary>
/// <param name="Threads">Intra-op threads for TorchSharp and for the PyTorch reference alike.</param>
/// <param name="SmallBatch">Batch of the small-32k training figures (A and C); 2 fits in memory (8.5 GB) but doubles the time.</param>
public sealed record BenchContext(int Threads, int SmallBatch)
{
    public const int DefaultThreads = 2;
    public const int DefaultSmallBatch = 1;

    /// <summary>Options (<c>--threads N</c>, <c>--small-batch N</c>) and the benchmark names that remain.</summary>
    public static (BenchContext Context, List<string> Names) Parse(IReadOnlyList<string> args)
    {
        var threads = DefaultThreads;
        var smallBatch = DefaultSmallBatch;
        var names = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--threads":
                    threads = PositiveInt(args, ++i, "--threads");
                    break;
                case "--small-batch":
                    smallBatch = PositiveInt(args, ++i, "--small-batch");
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                        throw new ArgumentException($"Unknown option {args[i]}; expected --threads N, --small-batch N or --list.");
                    names.Add(args[i]);
                    break;
            }
        }
        return (new BenchContext(threads, smallBatch), names);
    }

    private static int PositiveInt(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} needs a positive whole number.");
}
