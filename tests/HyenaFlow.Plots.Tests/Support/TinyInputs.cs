using HyenaFlow.Engine;
using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Plots.Tests.Support;

/// <summary>Small real inputs: a random three-chromosome genome and a randomly initialised tiny-1k model.</summary>
public static class TinyInputs
{
    static TinyInputs() => TorchSettings.UseThreads(1);

    public static InMemoryGenome Genome(int chromosomeLength = 6_000, int seed = 1)
    {
        var random = new Random(seed);
        (string, string) Chromosome(string name) =>
            (name, new string(Enumerable.Range(0, chromosomeLength).Select(_ => "ACGT"[random.Next(4)]).ToArray()));
        return InMemoryGenome.FromStrings(Chromosome("1"), Chromosome("2"), Chromosome("3"), Chromosome("4"));
    }

    public static HyenaDnaModel Model(int seed = 7)
    {
        var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K);
        model.InitializeWeights(seed);
        model.eval();
        return model;
    }
}
