using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace HyenaFlow.Genomics.Csv;

/// <summary>
/// Streaming RFC 4180 reader: quoted fields with separators, doubled quotes and embedded newlines;
/// CRLF, LF or CR line ends; a byte-order mark is tolerated; gzip input is decompressed on the fly.
/// Columns are found by name in the header, because data releases add and drop columns.
/// A record's fields are unescaped into one reused buffer, so reading allocates nothing per field
/// unless the caller asks for strings.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private const int BufferChars = 1 << 20;
    private const int MaxColumnsListed = 40;

    private readonly TextReader reader;
    private readonly Stream? stream;
    private readonly char separator;
    private readonly SearchValues<char> unquotedStops;
    private readonly char[] buffer = new char[BufferChars];
    private readonly Dictionary<string, int> columnIndex = new(StringComparer.Ordinal);
    private int position;
    private int length;
    private bool endOfInput;
    private char[] record = new char[4096];
    private bool fieldsInBuffer;
    private int recordLength;
    private int[] fieldStarts = new int[64];
    private int[] fieldLengths = new int[64];
    private int fieldCount;
    private long nextLine = 1;

    public CsvReader(TextReader reader, string fileName, char separator = ',')
        : this(reader, null, fileName, separator)
    {
    }

    private CsvReader(TextReader reader, Stream? stream, string fileName, char separator)
    {
        if (separator is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The separator cannot be a quote or a line break.", nameof(separator));
        }

        this.reader = reader;
        this.stream = stream;
        this.separator = separator;
        unquotedStops = SearchValues.Create([separator, '\r', '\n']);
        FileName = fileName;
        Header = ReadHeader();
    }

    public string FileName { get; }

    /// <summary>Column names as written in the first line (surrounding spaces trimmed).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The 1-based line on which the current record starts (records may span lines).</summary>
    public long LineNumber { get; private set; }

    public int FieldCount => fieldCount;

    /// <summary>Bytes consumed from the file so far (compressed bytes for gzip input); 0 for a plain <see cref="TextReader"/>.</summary>
    public long BytesRead => stream?.Position ?? 0;

    /// <summary>File size in bytes, or 0 when unknown.</summary>
    public long TotalBytes => stream is { CanSeek: true } ? stream.Length : 0;

    /// <summary>Field <paramref name="column"/> of the current record, unescaped; valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> this[int column] =>
        (uint)column < (uint)fieldCount
            ? (fieldsInBuffer ? buffer : record).AsSpan(fieldStarts[column], fieldLengths[column])
            : throw new ArgumentOutOfRangeException(nameof(column), $"Column {column} does not exist; the record has {fieldCount} fields.");

    /// <summary>Opens a file, sniffing gzip and refusing HTML pages served in place of data.</summary>
    public static CsvReader Open(string path, char separator = ',')
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            Stream content = gzip ? new GZipStream(new BufferedStream(file, 1 << 16), CompressionMode.Decompress) : file;
            var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            return new CsvReader(text, file, path, separator);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column, or -1 when the header lacks it.</summary>
    public int IndexOf(string name) => columnIndex.TryGetValue(name, out int index) ? index : -1;

    /// <summary>The indices of the named columns, in the same order; a missing one is a <see cref="DataFormatException"/>.</summary>
    public int[] RequireColumns(params string[] names)
    {
        var missing = names.Where(n => !columnIndex.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            string listed = string.Join(", ", Header.Take(MaxColumnsListed));
            if (Header.Count > MaxColumnsListed)
            {
                listed += $", … ({Header.Count - MaxColumnsListed} more)";
            }

            string what = missing.Count == 1 ? $"column '{missing[0]}'" : $"columns {string.Join(", ", missing.Select(m => $"'{m}'"))}";
            throw new DataFormatException(FileName, 1, $"missing required {what} (needs {string.Join(", ", names)}); columns found: {listed}.");
        }

        return names.Select(n => columnIndex[n]).ToArray();
    }

    public string GetString(int column) => new(this[column]);

    /// <summary>Advances to the next record; false at the end. Blank lines are skipped.</summary>
    public bool Read()
    {
        while (HasData())
        {
            LineNumber = nextLine;
            if (!TryParsePlainLine(out bool firstQuoted))
            {
                firstQuoted = ParseRecord();
            }

            if (fieldCount == 1 && fieldLengths[0] == 0 && !firstQuoted)
            {
                continue;
            }

            if (fieldCount != Header.Count)
            {
                throw new DataFormatException(FileName, LineNumber, $"the record has {fieldCount} fields but the header has {Header.Count}.");
            }

            return true;
        }

        return false;
    }

    public void Dispose()
    {
        reader.Dispose();
        stream?.Dispose();
    }

    private List<string> ReadHeader()
    {
        if (HasData() && buffer[position] == '\uFEFF')
        {
            position++;
        }

        RefuseHtml();
        if (!HasData())
        {
            throw new DataFormatException(FileName, null, "the file is empty; expected a header line naming the columns.");
        }

        LineNumber = nextLine;
        ParseRecord();
        var names = new List<string>(fieldCount);
        for (int i = 0; i < fieldCount; i++)
        {
            string name = new(record.AsSpan(fieldStarts[i], fieldLengths[i]).Trim());
            names.Add(name);
            columnIndex.TryAdd(name, i);
        }

        return names;
    }

    // Portals answer a download with a sign-in or human-verification page; parsing that as CSV
    // would only produce a baffling "missing column" error.
    private void RefuseHtml()
    {
        if (!HasData())
        {
            return;
        }

        ReadOnlySpan<char> start = buffer.AsSpan(position, length - position).TrimStart();
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataFormatException(FileName, 1, "this is an HTML page (e.g. a download portal's sign-in or human-verification page), not a CSV file; download the file again from a direct link (e.g. Figshare) and check its size.");
        }
    }

    private bool HasData()
    {
        if (position < length)
        {
            return true;
        }

        if (endOfInput)
        {
            return false;
        }

        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        endOfInput = length == 0;
        return !endOfInput;
    }

    /// <summary>
    /// The common case: a whole line in the buffer whose quoted fields (if any) hold no doubled
    /// quotes or line breaks. Its fields are left where they are (no copy), which roughly doubles
    /// the speed on wide files such as DepMap's. Anything else goes to <see cref="ParseRecord"/>.
    /// </summary>
    private bool TryParsePlainLine(out bool firstQuoted)
    {
        firstQuoted = false;
        ReadOnlySpan<char> rest = buffer.AsSpan(position, length - position);
        int newline = rest.IndexOf('\n');
        if (newline < 0)
        {
            return false;
        }

        ReadOnlySpan<char> content = rest[..newline];
        if (content.EndsWith('\r'))
        {
            content = content[..^1];
        }

        if (content.Contains('\r'))
        {
            return false;
        }

        fieldCount = 0;
        int offset = 0;
        while (true)
        {
            if (offset < content.Length && content[offset] == '"')
            {
                int close = content[(offset + 1)..].IndexOf('"');
                if (close < 0)
                {
                    return false;
                }

                int after = offset + 1 + close + 1;
                if (after < content.Length && content[after] != separator)
                {
                    return false;
                }

                firstQuoted |= fieldCount == 0;
                AddField(position + offset + 1, close);
                if (after >= content.Length)
                {
                    break;
                }

                offset = after + 1;
                continue;
            }

            int next = content[offset..].IndexOf(separator);
            if (next < 0)
            {
                AddField(position + offset, content.Length - offset);
                break;
            }

            AddField(position + offset, next);
            offset += next + 1;
        }

        fieldsInBuffer = true;
        position += newline + 1;
        nextLine++;
        return true;
    }

    /// <summary>Parses one record into the record buffer; returns whether its first field was quoted.</summary>
    private bool ParseRecord()
    {
        fieldsInBuffer = false;
        recordLength = 0;
        fieldCount = 0;
        bool firstQuoted = false;
        while (true)
        {
            int start = recordLength;
            bool quoted = HasData() && buffer[position] == '"';
            if (quoted)
            {
                position++;
                ReadQuotedContent();
                firstQuoted |= fieldCount == 0;
            }

            while (HasData())
            {
                ReadOnlySpan<char> rest = buffer.AsSpan(position, length - position);
                int stop = rest.IndexOfAny(unquotedStops);
                ReadOnlySpan<char> chunk = stop < 0 ? rest : rest[..stop];
                if (quoted && chunk.Length > 0)
                {
                    throw new DataFormatException(FileName, nextLine, $"unexpected '{chunk[0]}' after the closing quote of field {fieldCount + 1}; a quote inside a quoted field must be doubled (\"\").");
                }

                Append(chunk);
                position += chunk.Length;
                if (stop >= 0)
                {
                    break;
                }
            }

            AddField(start, recordLength - start);
            if (!HasData())
            {
                return firstQuoted;
            }

            char c = buffer[position++];
            if (c == separator)
            {
                continue;
            }

            if (c == '\r' && HasData() && buffer[position] == '\n')
            {
                position++;
            }

            nextLine++;
            return firstQuoted;
        }
    }

    private void ReadQuotedContent()
    {
        long openedOn = nextLine;
        while (true)
        {
            if (!HasData())
            {
                throw new DataFormatException(FileName, openedOn, "a quoted field opened on this line is never closed; the file is truncated or a quote is missing.");
            }

            ReadOnlySpan<char> rest = buffer.AsSpan(position, length - position);
            int quote = rest.IndexOf('"');
            ReadOnlySpan<char> chunk = quote < 0 ? rest : rest[..quote];
            nextLine += chunk.Count('\n');
            Append(chunk);
            position += chunk.Length;
            if (quote < 0)
            {
                continue;
            }

            position++;
            if (HasData() && buffer[position] == '"')
            {
                Append("\"");
                position++;
                continue;
            }

            return;
        }
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        if (recordLength + chars.Length > record.Length)
        {
            Array.Resize(ref record, Math.Max(record.Length * 2, recordLength + chars.Length));
        }

        chars.CopyTo(record.AsSpan(recordLength));
        recordLength += chars.Length;
    }

    private void AddField(int start, int count)
    {
        if (fieldCount == fieldStarts.Length)
        {
            Array.Resize(ref fieldStarts, fieldCount * 2);
            Array.Resize(ref fieldLengths, fieldCount * 2);
        }

        fieldStarts[fieldCount] = start;
        fieldLengths[fieldCount] = count;
        fieldCount++;
    }
}
