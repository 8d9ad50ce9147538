using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HyenaFlow.Genomics.Genome;

namespace HyenaFlow.Genomics.Fasta;

/// <summary>
/// Streams FASTA text of any line width (a whole chromosome may be one line) through fixed buffers, checking every
/// byte and reporting problems with file, line and column.
/// </summary>
internal sealed class FastaParser
{
    private const int MaxHeaderBytes = 1 << 20;

    private readonly FastaInput input;
    private readonly IFastaRecordHandler handler;
    private readonly byte[] buffer = new byte[1 << 20];
    private readonly MemoryStream header = new();
    private State state = State.LineStart;
    private long line = 1;
    private long column;
    private long headerLine;
    private bool inRecord;
    private SequencePacker? sink;

    public FastaParser(FastaInput input, IFastaRecordHandler handler)
    {
        this.input = input;
        this.handler = handler;
    }

    private enum State
    {
        LineStart,
        Header,
        Sequence,
    }

    /// <summary>Bytes of (decompressed) text read.</summary>
    public long TextBytes { get; private set; }

    public void Run(Action? afterEachBuffer = null, CancellationToken cancellationToken = default)
    {
        int length;
        while ((length = ReadText()) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TextBytes == 0)
            {
                RejectHtml(buffer.AsSpan(0, length));
            }

            TextBytes += length;
            Consume(buffer.AsSpan(0, length));
            afterEachBuffer?.Invoke();
        }

        if (state == State.Header)
        {
            StartRecord();
        }

        if (!inRecord)
        {
            throw new DataFormatException(input.Path, null, "the file is empty: it holds no FASTA record (no line starting with '>').");
        }

        handler.EndRecord();
    }

    // Hot loop: compiled fully optimised at once, not after tiering catches up (an import is one long call in a fresh process).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Consume(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            int newline = text.IndexOf((byte)'\n');
            ReadOnlySpan<byte> part = newline < 0 ? text : text[..newline];
            switch (state)
            {
                case State.LineStart when part.IsEmpty:
                    break;
                case State.LineStart when part[0] == (byte)'>':
                    if (inRecord)
                    {
                        handler.EndRecord();
                        inRecord = false;
                    }

                    header.SetLength(0);
                    headerLine = line;
                    state = State.Header;
                    AppendHeader(part[1..]);
                    break;
                case State.LineStart when !inRecord && part.TrimStart(" \t\r"u8).IsEmpty:
                    break;
                case State.LineStart when !inRecord:
                    throw new DataFormatException(input.Path, line, $"sequence data before any header: line {line} starts with '{Show(part[0])}' but a FASTA file must begin with a '>name' header line.");
                case State.LineStart:
                    state = State.Sequence;
                    column = 0;
                    AppendBases(part);
                    break;
                case State.Header:
                    AppendHeader(part);
                    break;
                default:
                    AppendBases(part);
                    break;
            }

            if (newline < 0)
            {
                return;
            }

            if (state == State.Header)
            {
                StartRecord();
            }

            state = State.LineStart;
            line++;
            text = text[(newline + 1)..];
        }
    }

    private void AppendHeader(ReadOnlySpan<byte> part)
    {
        header.Write(part);
        if (header.Length > MaxHeaderBytes)
        {
            throw new DataFormatException(input.Path, headerLine, "header line is longer than 1 MiB; this is not a FASTA header.");
        }
    }

    private void StartRecord()
    {
        string text = Encoding.UTF8.GetString(header.GetBuffer(), 0, (int)header.Length).TrimEnd('\r');
        if (text.Trim().Length == 0)
        {
            throw new DataFormatException(input.Path, headerLine, "header line '>' has no sequence name.");
        }

        sink = handler.BeginRecord(text, headerLine);
        inRecord = true;
    }

    private void AppendBases(ReadOnlySpan<byte> part)
    {
        int bad = sink is null ? part.IndexOfAnyExcept(BaseCodes.Valid) : sink.Append(part);
        if (bad >= 0)
        {
            long at = column + bad + 1;
            throw new DataFormatException(input.Path, line, $"bad character '{Show(part[bad])}' at line {line}, column {at}: sequence lines may hold only A, C, G, T, N and the IUPAC codes {string.Join(' ', BaseCodes.IupacLetters.ToCharArray())}, in either case.");
        }

        column += part.Length;
    }

    private int ReadText()
    {
        try
        {
            return input.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(input.Path, line, $"the {input.Compression} data is corrupt or truncated after line {line}; re-download the file (decompressor: {e.Message})", e);
        }
    }

    private void RejectHtml(ReadOnlySpan<byte> start)
    {
        ReadOnlySpan<byte> text = start.StartsWith("\uFEFF"u8) ? start[3..] : start;
        ReadOnlySpan<byte> trimmed = text.TrimStart(" \t\r\n"u8);
        if (!trimmed.IsEmpty && trimmed[0] == (byte)'<')
        {
            long at = 1 + text[..(text.Length - trimmed.Length)].Count((byte)'\n');
            string opening = Encoding.UTF8.GetString(trimmed[..Math.Min(trimmed.Length, 40)]).Split('\n')[0].Trim();
            throw new DataFormatException(input.Path, at, $"this is an HTML/XML page ('{opening}'), not FASTA: the download probably returned an error or login page instead of the genome.");
        }
    }

    private static string Show(byte b) =>
        b is >= 0x20 and < 0x7F ? ((char)b).ToString() : string.Create(CultureInfo.InvariantCulture, $"\\x{b:X2}");
}
