namespace HyenaFlow.Genomics.Csv;

/// <summary>Writes rows that <see cref="CsvReader"/> reads back exactly: fields are quoted only when they must be.</summary>
public sealed class DelimitedWriter(TextWriter writer, char separator = '\t')
{
    private readonly char[] mustQuote = [separator, '"', '\r', '\n'];

    public void WriteRow(params ReadOnlySpan<string> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(separator);
            }

            string field = fields[i];
            if (field.AsSpan().IndexOfAny(mustQuote) < 0)
            {
                writer.Write(field);
            }
            else
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
        }

        writer.Write('\n');
    }
}
