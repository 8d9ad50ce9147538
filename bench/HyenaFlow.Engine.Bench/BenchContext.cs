using System.Globalization;

namespace HyenaFlow.Engine.Bench;

/// <summary>Settings shared by every benchmark of one run.</summary>
/// <param name="Threads">Intra-op threads for TorchSharp and for the PyTorch reference alike.</param>
/// <param name="SmallBatchOption">
/// Batch of the small-32k training figures when given (<c>--small-batch N</c>). Without it the throughput
/// figure runs at the largest batch that fits (<see cref="BatchFit"/>) and the others at batch 1.
/// </param>
public sealed record BenchContext(int Threads, int? SmallBatchOption)
{
    public const int DefaultThreads = 2;
    public const int DefaultSmallBatch = 1;

    public int SmallBatch => SmallBatchOption ?? DefaultSmallBatch;

    /// <summary>Options (<c>--threads N</c>, <c>--small-batch N</c>) and the benchmark names that remain.</summary>
    public static (BenchContext Context, List<string> Names) Parse(IReadOnlyList<string> args)
    {
        var threads = DefaultThreads;
        int? smallBatch = null;
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
