using System.Diagnostics;
using System.Globalization;
using HyenaFlow.Analysis;
using HyenaFlow.Genomics;

namespace HyenaFlow.Plots.Embedding;

/// <summary>
/// The second half of the embedding experiment (thesis 3.2.1 / 4.1), shared by `hyenaflow analysis umap-grid` and
/// the umap stage: UMAP over the parameter grid for embedded point sets, the grid PNGs (reference set by chromosome
/// and by binned position, the control set by cancer type), coordinates.tsv and the trustworthiness of each setting.
/// </summary>
public static class EmbeddingMaps
{
    public const string CoordinatesFile = "coordinates.tsv";
    public const string ChromosomeImage = "umap-chromosome.png";
    public const string PositionImage = "umap-position-bins.png";
    public const string CancerTypeImage = "umap-cancer-type.png";

    /// <param name="reference">Drawn by chromosome and by binned position.</param>
    /// <param name="control">Drawn by cancer type (the thesis's control of mutated sequences); null skips it.</param>
    public static EmbeddingMapsResult Write(EmbeddedPointSet reference, EmbeddedPointSet? control, EmbeddingMapOptions options, string outputDirectory,
        IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        Check(reference, "reference", options);
        if (control is not null) Check(control, "mutated", options);

        var clock = Stopwatch.StartNew();
        var referenceCells = RunGrid(reference.Vectors, "umap reference", options, progress, cancellationToken);
        var controlCells = control is null ? null : RunGrid(control.Vectors, "umap mutated", options, progress, cancellationToken);
        TimeSpan umapTime = clock.Elapsed;

        var quality = new List<SettingQuality>();
        if (options.MeasureQuality)
        {
            quality.AddRange(Measure("reference", reference, referenceCells, options, cancellationToken));
            if (control is not null && controlCells is not null) quality.AddRange(Measure("mutated", control, controlCells, options, cancellationToken));
        }

        Directory.CreateDirectory(outputDirectory);
        int columns = options.Grid.MinDistances.Count;
        long binWidth = options.BinWidth ?? reference.Length;
        var inv = CultureInfo.InvariantCulture;
        string where = string.Join(", ", reference.Points.Select(p => p.Chromosome).Distinct());
        var images = new List<string>();
        var byChromosome = PointLabelling.ByChromosome(reference.Points,
            $"UMAP of {options.ModelName} embeddings of {reference.Count.ToString("N0", inv)} {reference.Noun} ({reference.Length.ToString("N0", inv)} bp) by chromosome");
        images.Add(Draw(referenceCells, columns, byChromosome, options, Path.Combine(outputDirectory, ChromosomeImage)));
        var byBin = PointLabelling.ByBinnedPosition(reference.Points, binWidth, options.ColouredBins,
            $"UMAP by binned position ({binWidth.ToString("N0", inv)} bp bins of {where}): the {options.ColouredBins} fullest bins");
        images.Add(Draw(referenceCells, columns, byBin, options, Path.Combine(outputDirectory, PositionImage)));
        if (control is not null && controlCells is not null)
        {
            var byCancer = PointLabelling.ByCancerType(control.Points,
                $"UMAP of {options.ModelName} embeddings of {control.Count.ToString("N0", inv)} {control.Noun} by cancer type (control)");
            images.Add(Draw(controlCells, columns, byCancer, options, Path.Combine(outputDirectory, CancerTypeImage)));
        }

        string coordinates = Path.Combine(outputDirectory, CoordinatesFile);
        var sets = new List<(string, IReadOnlyList<EmbeddingPoint>, IReadOnlyList<UmapGridCell>)> { ("reference", reference.Points, referenceCells) };
        if (control is not null && controlCells is not null) sets.Add(("mutated", control.Points, controlCells));
        CoordinatesTable.Write(coordinates, binWidth, sets);
        string? qualityPath = null;
        if (options.MeasureQuality)
        {
            qualityPath = Path.Combine(outputDirectory, QualityTable.FileName);
            QualityTable.Write(qualityPath, quality, options.QualityNeighbors);
        }

        return new EmbeddingMapsResult(images, coordinates, options.Grid.Settings.Count, byBin.Coloured, quality, qualityPath, umapTime);
    }

    private static void Check(EmbeddedPointSet set, string what, EmbeddingMapOptions options)
    {
        set.Validate(what);
        options.Grid.Validate(set.Count, $"the {what} set");
        EmbeddingExperiment.RequireFinite(set.Vectors, set.Points, what);
    }

    private static IReadOnlyList<UmapGridCell> RunGrid(float[,] vectors, string stage, EmbeddingMapOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        int total = options.Grid.Settings.Count;
        var settings = progress is null ? null : new Progress<int>(done => progress.Report(new ProgressReport(stage, done, total, "fits")));
        return options.Grid.Run(vectors, options.Epochs, options.Seed, options.Parallel, settings, cancellationToken);
    }

    // Trustworthiness needs k below half the points; a set too small for k gets null rather than a failure.
    private static IEnumerable<SettingQuality> Measure(string name, EmbeddedPointSet set, IReadOnlyList<UmapGridCell> cells, EmbeddingMapOptions options,
        CancellationToken cancellationToken)
    {
        bool measurable = options.QualityNeighbors < set.Count / 2.0;
        foreach (UmapGridCell cell in cells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double? trust = measurable ? EmbeddingQuality.Trustworthiness(set.Vectors, cell.Coordinates, options.QualityNeighbors, parallel: options.Parallel) : null;
            yield return new SettingQuality(name, cell.Setting, trust);
        }
    }

    private static string Draw(IReadOnlyList<UmapGridCell> cells, int columns, PointLabelling labelling, EmbeddingMapOptions options, string path)
    {
        ScatterGridFigure.Write(cells, columns, labelling, options.ImageWidth, options.ImageHeight, path);
        return path;
    }
}
