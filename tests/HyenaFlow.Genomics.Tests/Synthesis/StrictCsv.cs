using System.Text;

namespace HyenaFlow.Genomics.Tests.Synthesis;

/// <summary>
/// A deliberately strict RFC 4180 reader for checking generated files: a quote may only open a field or be doubled
/// inside a quoted field, a quoted field must close, and every record must have the header's field count.
/// </summary>
internal static class StrictCsv
{
    public static (string[] Header, List<string[]> Rows, int QuotedFields) Read(string path)
    {
        string text = File.ReadAllText(path);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int quoted = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                quoted++;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"Unterminated quoted field in record {records.Count + 1}.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new FormatException($"Text after a closing quote in record {records.Count + 1}.");
                }
            }

            while (i < text.Length && text[i] is not (',' or '\n' or '\r'))
            {
                if (text[i] == '"')
                {
                    throw new FormatException($"Bare quote inside an unquoted field in record {records.Count + 1}.");
                }

                field.Append(text[i++]);
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                break;
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            records.Add([.. fields]);
            fields.Clear();
        }

        if (fields.Count > 0 && !(fields.Count == 1 && fields[0].Length == 0))
        {
            records.Add([.. fields]);
        }

        string[] header = records[0];
        for (int r = 1; r < records.Count; r++)
        {
            if (records[r].Length != header.Length)
            {
                throw new FormatException($"Record {r + 1} has {records[r].Length} fields, the header {header.Length}.");
            }
        }

        return (header, records.Skip(1).ToList(), quoted);
    }
}
