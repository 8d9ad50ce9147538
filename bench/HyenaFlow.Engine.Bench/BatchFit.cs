using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Bench;

/// <summary>
/// The largest training batch of one configuration that fits this machine's memory, found by running it:
/// batch 1, 2, … each timed in its own process exactly as Figure A times it (one full-length warm-up step,
/// one timed step: the second full-length step still grows the heap, so a single step would under-read),
/// until a peak passes the budget — nine tenths of the memory available when the search starts — or the
/// next batch, extrapolated from the last two, would pass what is available at all.
/// </summary>
public static class BatchFit
{
    public sealed record Probe(int Batch, ThroughputProbe.Result? Result, string? Failure);

    public sealed record Outcome(int Batch, double BudgetMiB, IReadOnlyList<Probe> Probes)
    {
        /// <summary>The chosen batch's own timing, which Figure A reuses rather than running it again.</summary>
        public ThroughputProbe.Result Chosen => Probes.Single(p => p.Batch == Batch).Result!;

        public string Describe() =>
            $"largest batch that fits: {Batch} (budget {Format.N0(BudgetMiB)} MiB = 0.9 × MemAvailable; peak of warm-up + timed step: " +
            string.Join(", ", Probes.Select(p => $"batch {p.Batch} " + (p.Result is { } r ? $"{Format.N0(r.PeakMiB)} MiB" : p.Failure))) + ")";
    }

    public static Outcome Largest(HyenaDnaConfig config, int length, int threads, int maxBatch = 16)
    {
        var available = ProcessMemory.AvailableMiB();
        var budget = 0.9 * available;
        var probes = new List<Probe>();
        for (var batch = 1; batch <= maxBatch; batch++)
        {
            if (probes is [.., { Result: { } before }, { Result: { } last }] && 2 * last.PeakMiB - before.PeakMiB > available)
                break;
            Console.Error.WriteLine($"batch fit: {config.Name} L {length} batch {batch}…");
            try
            {
                var result = ThroughputProbe.Measure(config, length, batch, warmup: 1, steps: 1, threads);
                probes.Add(new Probe(batch, result, null));
                if (result.PeakMiB > budget)
                    break;
            }
            catch (InvalidOperationException e)
            {
                // Killed for memory, most likely: this batch does not fit.
                Console.Error.WriteLine(e.Message);
                probes.Add(new Probe(batch, null, "failed"));
                break;
            }
        }
        var fitting = probes.Where(p => p.Result is { } r && r.PeakMiB <= budget).Select(p => p.Batch).DefaultIfEmpty(0).Max();
        if (fitting == 0)
            throw new InvalidOperationException($"{config.Name} at L {length} does not train at batch 1 within {Format.N0(budget)} MiB.");
        return new Outcome(fitting, budget, probes);
    }
}
