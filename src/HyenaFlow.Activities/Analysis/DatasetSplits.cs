using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Activities.Analysis;

internal static class DatasetSplits
{
    public static Split Parse(string text, string input) =>
        Enum.TryParse<Split>(text, ignoreCase: true, out var split) && Enum.IsDefined(split)
            ? split
            : throw new InvalidDataException($"input '{input}' must be train, test or embedding, got '{text}'");
}
