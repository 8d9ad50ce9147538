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
    public const string CoordinatesFile = "coordinates.tsv";
    public const string ChromosomeImage = "umap-chromosome.png";
    public const string PositionImage = "umap-position-bins.png";
    public const string CancerTypeImage = "umap-cancer-type.png";

    public static EmbeddingExperimentResult Run(IReferenceGenome genome, HyenaDnaModel model, string outputDirectory, EmbeddingExperimentOptions? options = null,
        Device? device = null, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddingExperimentOptions();
        options.Validate();
        IReadOnlyList<string> chromosomes = options.Chromosomes ?? ReferenceWindows.First(genome, options.ChromosomeCount);
        int tokens = options.Length + 2;
        if (tokens > model.Config.MaxLength)
        {
            throw new ArgumentException(
                $"Windows of {options.Length:N0} bases need {tokens:N0} tokens, more than the {model.Config.Name} model holds ({model.Config.MaxLength:N0}).");
        }

        // Check the grid against the point counts before the slow part, so a bad grid fails at once.
        options.Grid.Validate(chromosomes.Count * options.PerChromosome, $"{chromosomes.Count} chromosomes × {options.PerChromosome} windows");
        EmbeddedSequences reference = ReferenceWindows.Sample(genome, chromosomes, options.Length, options.PerChromosome, options.Seed, options.MaxUnknownFraction);
        EmbeddedSequences? mutated = null;
        if (options.Dataset is { } dataset)
        {
            mutated = MutatedSequences.Read(dataset, options.MaxMutated);
            options.Grid.Validate(mutated.Count, $"the embedding split of {dataset}");
            if (mutated.Tokens[0].Length > model.Config.MaxLength)
                throw new ArgumentException($"The sequences of {dataset} have {mutated.Tokens[0].Length:N0} tokens, more than the {model.Config.Name} model holds ({model.Config.MaxLength:N0}).");
        }

        var embedClock = Stopwatch.StartNew();
        float[,] referenceVectors = Embed(model, reference, "reference", options, device, progress, cancellationToken);
        float[,]? mutatedVectors = mutated is null ? null : Embed(model, mutated, "mutated", options, device, progress, cancellationToken);
        TimeSpan embedTime = embedClock.Elapsed;

        var umapClock = Stopwatch.StartNew();
        var referenceCells = RunGrid(referenceVectors, "umap reference", options, progress, cancellationToken);
        var mutatedCells = mutatedVectors is null ? null : RunGrid(mutatedVectors, "umap mutated", options, progress, cancellationToken);
        TimeSpan umapTime = umapClock.Elapsed;

        Directory.CreateDirectory(outputDirectory);
        int columns = options.Grid.MinDistances.Count;
        string where = string.Join(", ", chromosomes);
        string lengthText = options.Length.ToString("N0", CultureInfo.InvariantCulture);
        var images = new List<string>();
        var byChromosome = PointLabelling.ByChromosome(reference.Points, $"UMAP of {model.Config.Name} embeddings of {reference.Count:N0} reference windows ({lengthText} bp) by chromosome");
        images.Add(Draw(referenceCells, columns, byChromosome, options, Path.Combine(outputDirectory, ChromosomeImage)));
        var byBin = PointLabelling.ByBinnedPosition(reference.Points, options.ResolvedBinWidth, options.ColouredBins,
            $"UMAP by binned position ({options.ResolvedBinWidth.ToString("N0", CultureInfo.InvariantCulture)} bp bins of {where}): the {options.ColouredBins} fullest bins");
        images.Add(Draw(referenceCells, columns, byBin, options, Path.Combine(outputDirectory, PositionImage)));
        if (mutated is not null && mutatedCells is not null)
        {
            var byCancer = PointLabelling.ByCancerType(mutated.Points, $"UMAP of {model.Config.Name} embeddings of {mutated.Count:N0} mutated sequences by cancer type (control)");
            images.Add(Draw(mutatedCells, columns, byCancer, options, Path.Combine(outputDirectory, CancerTypeImage)));
        }

        string coordinates = Path.Combine(outputDirectory, CoordinatesFile);
        var sets = new List<(string, IReadOnlyList<EmbeddingPoint>, IReadOnlyList<UmapGridCell>)> { ("reference", reference.Points, referenceCells) };
        if (mutated is not null && mutatedCells is not null) sets.Add(("mutated", mutated.Points, mutatedCells));
        CoordinatesTable.Write(coordinates, options.ResolvedBinWidth, sets);

        return new EmbeddingExperimentResult(images, coordinates, reference.Count, mutated?.Count ?? 0, options.Grid.Settings.Count, byBin.Coloured, embedTime, umapTime);
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

    private static IReadOnlyList<UmapGridCell> RunGrid(float[,] vectors, string stage, EmbeddingExperimentOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        int total = options.Grid.Settings.Count;
        var settings = progress is null ? null : new Progress<int>(done => progress.Report(new ProgressReport(stage, done, total, "fits")));
        return options.Grid.Run(vectors, options.Epochs, options.Seed, options.Parallel, settings, cancellationToken);
    }

    private static string Draw(IReadOnlyList<UmapGridCell> cells, int columns, PointLabelling labelling, EmbeddingExperimentOptions options, string path)
    {
        ScatterGridFigure.Write(cells, columns, labelling, options.ImageWidth, options.ImageHeight, path);
        return path;
    }
}
