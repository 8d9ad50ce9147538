using System.IO.Compression;
using System.Text;

namespace HyenaFlow.Genomics.Tests.Synthesis;

/// <summary>One FASTA record as the file holds it: header without '>', bases as written, and its line widths.</summary>
internal sealed record FastaRecord(string Header, string Bases, int LongestLine, int ShortLinesBeforeLast)
{
    public string Accession => Header.Split(' ')[0];
}

/// <summary>A small FASTA reader for the tests' own checks, independent of the project's FASTA code.</summary>
internal static class GzipFasta
{
    public static List<FastaRecord> Read(string path)
    {
        var records = new List<FastaRecord>();
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.ASCII);
        string? header = null;
        var bases = new StringBuilder();
        var widths = new List<int>();
        void Flush()
        {
            if (header is not null)
            {
                int longest = widths.Count == 0 ? 0 : widths.Max();
                int shortBeforeLast = widths.Take(Math.Max(0, widths.Count - 1)).Count(w => w != longest);
                records.Add(new FastaRecord(header, bases.ToString(), longest, shortBeforeLast));
            }

            bases.Clear();
            widths.Clear();
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('>'))
            {
                Flush();
                header = line[1..];
            }
            else
            {
                bases.Append(line);
                widths.Add(line.Length);
            }
        }

        Flush();
        return records;
    }
}
