using System.Text;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>Writes OmicsSomaticMutations.csv: the header, then every model's rows as one contiguous group.</summary>
internal static class SomaticMutationsCsvWriter
{
    public static void Write(string path, IEnumerable<IReadOnlyList<SyntheticMutation>> groups, VariantAnnotator annotator, long totalRows, IProgress<ProgressReport>? progress)
    {
        AtomicFile.WriteText(path, writer =>
        {
            var scratch = new StringBuilder();
            CsvRowWriter.WriteRow(writer, SomaticMutationColumns.Header, scratch);
            long done = 0;
            foreach (var group in groups)
            {
                SyntheticMutation? previous = null;
                string[] row = [];
                foreach (SyntheticMutation mutation in group)
                {
                    // A planted duplicate follows its original: repeat the original's annotation so the rows are identical.
                    if (mutation != previous)
                    {
                        row = annotator.Annotate(mutation);
                        previous = mutation;
                    }

                    CsvRowWriter.WriteRow(writer, row, scratch);
                }

                done += group.Count;
                progress?.Report(new ProgressReport("mutations", done, totalRows, "rows"));
            }
        });
    }
}
