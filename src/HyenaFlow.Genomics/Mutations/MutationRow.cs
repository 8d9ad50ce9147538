using System.Globalization;
using HyenaFlow.Genomics.Csv;

namespace HyenaFlow.Genomics.Mutations;

/// <summary>Reads the pos, ref, alt and type columns every HyenaFlow mutation table shares, checking each.</summary>
internal static class MutationRow
{
    /// <param name="columns">Indexes of the owner, chrom, pos, ref, alt and type columns, in that order.</param>
    public static Mutation Read(CsvReader tsv, int[] columns, string path, string cellLine, string chrom)
    {
        if (!long.TryParse(tsv[columns[2]], NumberStyles.None, CultureInfo.InvariantCulture, out long pos) || pos < 1)
        {
            throw new DataFormatException(path, tsv.LineNumber, $"pos '{tsv.GetString(columns[2])}' is not a 1-based position.");
        }

        string reference = tsv.GetString(columns[3]);
        string alternate = tsv.GetString(columns[4]);
        MutationType? derived = MutationTypes.Derive(reference, alternate);
        if (!Enum.TryParse(tsv[columns[5]], out MutationType type) || derived != type)
        {
            throw new DataFormatException(path, tsv.LineNumber, $"type '{tsv.GetString(columns[5])}' does not fit Ref {reference} / Alt {alternate} (expected {derived?.ToString() ?? "a simple change, not a complex one"}).");
        }

        return new Mutation(cellLine, chrom, pos, reference, alternate, type);
    }
}
