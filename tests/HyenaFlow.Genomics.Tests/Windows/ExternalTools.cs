using System.Diagnostics;
using System.Text;

namespace HyenaFlow.Genomics.Tests.Windows;

/// <summary>Runs samtools/bcftools/bgzip for the oracle tests and writes the FASTA and VCF they read.</summary>
internal static class ExternalTools
{
    public static string Run(string workingDirectory, string script)
    {
        var info = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"'{script}' failed ({process.ExitCode}): {error.Result}");
        return output;
    }

    public static void WriteFasta(string path, IEnumerable<(string Name, byte[] Bases)> chromosomes, int width = 60)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        foreach (var (name, bases) in chromosomes)
        {
            writer.WriteLine($">{name}");
            for (int i = 0; i < bases.Length; i += width)
            {
                writer.WriteLine(Encoding.ASCII.GetString(bases, i, Math.Min(width, bases.Length - i)));
            }
        }
    }

    /// <summary>Records of a multi-sequence FASTA, in file order.</summary>
    public static List<(string Name, string Bases)> ReadFasta(string text)
    {
        var records = new List<(string, string)>();
        string? name = null;
        var bases = new StringBuilder();
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith('>'))
            {
                if (name is not null)
                {
                    records.Add((name, bases.ToString()));
                }

                name = line[1..].Trim();
                bases.Clear();
            }
            else
            {
                bases.Append(line.Trim());
            }
        }

        if (name is not null)
        {
            records.Add((name, bases.ToString()));
        }

        return records;
    }
}
