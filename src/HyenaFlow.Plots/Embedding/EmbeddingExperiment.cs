using System.Diagnostics;
using System.Globalization;
using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics;
using HyenaFlow.Genomics.Genome;
using static TorchSharp.torch;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// The embedding experiment of the thesis (3.2.1 / 4.1): reference windows from the first chromosomes are
/// embedded by a pre-trained model (mean-pooled hidden states), reduced with UMAP over the parameter grid,
/// and drawn coloured by chromosome and by binned position; mutated sequences of a dataset's embedding
/// split, coloured by cancer type, are the control. Writes the grid PNGs and coordinates.tsv.
/// </summary>
public static class EmbeddingExperiment
{
    public const string CoordinatesFile = EmbeddingMaps.CoordinatesFile;
    public const string ChromosomeImage = EmbeddingMaps.ChromosomeImage;
    public const string PositionImage = EmbeddingMaps.PositionImage;
    public const string CancerTypeImage = EmbeddingMaps.CancerTypeImage;

    public static EmbeddingExperimentResult Run(IReferenceGenome genome, HyenaDnaModel model, string outputDirectory, EmbeddingExperimentOptions? options = null,
        Device? device = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddingExperimentOptions();
        options.Validate();
        options.MapOptions(model.Config.Name).Validate();
        IReadOnlyList<string> chromosomes = options.Chromosomes ?? ReferenceWindows.First(genome, options.ChromosomeCount);
        RequireFits(model, options.Length);

        // Check the grid and the control against the point counts before the slow part, so bad input fails at once.
        options.Grid.Validate(chromosomes.Count * options.PerChromosome, $"{chromosomes.Count} chromosomes × {options.PerChromosome} windows");
        EmbeddedSequences? mutated = null;
        if (options.Dataset is { } dataset)
        {
            mutated = MutatedSequences.Read(dataset, options.MaxMutated);
            options.Grid.Validate(mutated.Count, $"the embedding split of {dataset}");
            if (mutated.Tokens[0].Length > model.Config.MaxLength)
                throw new ArgumentException($"The sequences of {dataset} have {mutated.Tokens[0].Length:N0} tokens, more than the {model.Config.Name} model holds ({model.Config.MaxLength:N0}).");
        }

        var embedClock = Stopwatch.StartNew();
        EmbeddedPointSet reference = EmbedReferenceWindows(genome, model, options, device, progress, cancellationToken);
        float[,]? mutatedVectors = mutated is null ? null : Embed(model, mutated, "mutated", options, device, progress, cancellationToken);
        TimeSpan embedTime = embedClock.Elapsed;

        var maps = EmbeddingMaps.Write(
            reference,
            mutated is null || mutatedVectors is null ? null : new EmbeddedPointSet(mutated.Points, mutatedVectors, "mutated sequences", mutated.Tokens[0].Length - 2),
            options.MapOptions(model.Config.Name), outputDirectory, progress, cancellationToken);
        return new EmbeddingExperimentResult(maps.Images, maps.CoordinatesPath, reference.Count, mutated?.Count ?? 0, maps.Settings, maps.ColouredBins, embedTime, maps.UmapTime)
        {
            Quality = maps.Quality,
            QualityPath = maps.QualityPath,
        };
    }

    /// <summary>
    /// The first half of the experiment, shared with the embed-windows stage: reference windows of the chosen
    /// chromosomes at seeded random starts, embedded by <paramref name="model"/> (mean-pooled hidden states).
    /// </summary>
    public static EmbeddedPointSet EmbedReferenceWindows(IReferenceGenome genome, HyenaDnaModel model, EmbeddingExperimentOptions options,
        Device? device = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        IReadOnlyList<string> chromosomes = options.Chromosomes ?? ReferenceWindows.First(genome, options.ChromosomeCount);
        RequireFits(model, options.Length);
        EmbeddedSequences windows = ReferenceWindows.Sample(genome, chromosomes, options.Length, options.PerChromosome, options.Seed, options.MaxUnknownFraction);
        float[,] vectors = Embed(model, windows, "reference", options, device, progress, cancellationToken);
        return new EmbeddedPointSet(windows.Points, vectors, "reference windows", options.Length);
    }

    private static void RequireFits(HyenaDnaModel model, int length)
    {
        int tokens = length + 2;
        if (tokens > model.Config.MaxLength)
        {
            throw new ArgumentException(
                $"Windows of {length:N0} bases need {tokens:N0} tokens, more than the {model.Config.Name} model holds ({model.Config.MaxLength:N0}).");
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first point whose embedding is not finite.</summary>
    public static void RequireFinite(float[,] vectors, IReadOnlyList<EmbeddingPoint> points, string what)
    {
        for (int i = 0; i < vectors.GetLength(0); i++)
        {
            for (int j = 0; j < vectors.GetLength(1); j++)
            {
                if (!float.IsFinite(vectors[i, j]))
                {
                    EmbeddingPoint p = points[i];
                    throw new InvalidDataException(
                        $"The {what} embedding of point {i} ({p.Chromosome}:{p.Start + 1}) has the non-finite value {vectors[i, j].ToString(CultureInfo.InvariantCulture)} in dimension {j}; " +
                        "the model weights are probably broken (UMAP cannot place NaN or infinite vectors).");
                }
            }
        }
    }

    private static float[,] Embed(HyenaDnaModel model, EmbeddedSequences sequences, string what, EmbeddingExperimentOptions options, Device? device,
        IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var rows = progress is null ? null : new Progress<int>(done => progress.Report(new ProgressReport($"embed {what}", done, sequences.Count, "seq")));
        float[,] vectors = SequenceEncoder.MeanPooled(model, sequences.Tokens, options.BatchSize, device, rows, cancellationToken);
        RequireFinite(vectors, sequences.Points, what);
        return vectors;
    }
}
