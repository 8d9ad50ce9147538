using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Plots.Embedding;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Analysis;

/// <summary>An embeddings artifact and the artifact that labels its rows: a points.tsv (embed-windows) or the dataset
/// folder whose split the embed stage read, whose rows it then follows.</summary>
internal static class PointSetInput
{
    public static async Task<EmbeddedPointSet> ReadAsync(ActivityContext context, IReadOnlyDictionary<string, JsonNode> inputs,
        string embeddingsInput, string pointsInput, string splitInput, CancellationToken cancellationToken)
    {
        var splitText = InputValues.String(inputs, splitInput);
        var split = DatasetSplits.Parse(splitText, splitInput);
        var labels = ArtifactValue.Parse(inputs[pointsInput]);
        var npy = await context.MaterializeAsync(inputs[embeddingsInput], embeddingsInput + ".npy", cancellationToken).ConfigureAwait(false);
        var pointsPath = await context.MaterializeAsync(inputs[pointsInput], pointsInput, cancellationToken).ConfigureAwait(false);
        var vectors = EmbeddingMatrix.Read(npy);
        var (points, length) = labels.Kind == Storage.ArtifactKind.Directory
            ? DatasetPoints.Read(pointsPath, split)
            : EmbeddingPointsTable.Read(pointsPath);
        if (vectors.GetLength(0) != points.Count)
        {
            throw new InvalidDataException(
                $"input '{embeddingsInput}' has {vectors.GetLength(0):N0} rows but input '{pointsInput}' describes {points.Count:N0} points" +
                (labels.Kind == Storage.ArtifactKind.Directory ? $" in its {splitText} split" : "") + "; the embeddings must come from exactly those sequences, in order");
        }

        string noun = points.Any(p => p.CancerType is not null) ? "mutated sequences" : "reference windows";
        return new EmbeddedPointSet(points, vectors, noun, length);
    }
}
