using System.Text;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>RFC 4180 output: a field is quoted when it holds a comma, a quote or a line break, and inner quotes are doubled.</summary>
internal static class CsvRowWriter
{
    public static void WriteRow(TextWriter writer, IReadOnlyList<string> fields, StringBuilder scratch)
    {
        scratch.Clear();
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                scratch.Append(',');
            }

            AppendField(scratch, fields[i]);
        }

        scratch.Append('\n');
        writer.Write(scratch);
    }

    public static void AppendField(StringBuilder builder, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            builder.Append(field);
            return;
        }

        builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
