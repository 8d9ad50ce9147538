using System.IO.Compression;
using System.Security.Cryptography;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Genomics.Synthesis;

/// <summary>Writes a genome as NCBI ships it: plain gzip, <c>&gt;header</c> lines, 80 bases a line; and NCBI's <c>md5checksums.txt</c>.</summary>
internal static class NcbiFastaWriter
{
    public const int LineWidth = 80;

    public static void Write(string path, IEnumerable<SyntheticSequence> sequences, IProgress<ProgressReport>? progress, long totalBases)
    {
        AtomicFile.Write(path, file =>
        {
            using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
            using var buffered = new BufferedStream(gzip, 1 << 20);
            long done = 0;
            foreach (SyntheticSequence sequence in sequences)
            {
                buffered.WriteByte((byte)'>');
                buffered.Write(System.Text.Encoding.ASCII.GetBytes(sequence.Header));
                buffered.WriteByte((byte)'\n');
                for (int at = 0; at < sequence.Bases.Length; at += LineWidth)
                {
                    buffered.Write(sequence.Bases, at, Math.Min(LineWidth, sequence.Bases.Length - at));
                    buffered.WriteByte((byte)'\n');
                }

                done += sequence.Length;
                progress?.Report(new ProgressReport("write genome", done, totalBases, "bp"));
            }
        });
    }

    /// <summary><c>md5checksums.txt</c> in NCBI's form: one <c>&lt;md5&gt;  ./&lt;file&gt;</c> line per file.</summary>
    public static void WriteChecksums(string path, IEnumerable<string> files)
    {
        AtomicFile.WriteText(path, writer =>
        {
            foreach (string file in files)
            {
                using var stream = File.OpenRead(file);
                string md5 = Convert.ToHexStringLower(MD5.HashData(stream));
                writer.Write($"{md5}  ./{Path.GetFileName(file)}\n");
            }
        });
    }
}
