using System.Globalization;

namespace HyenaFlow.Bench;

/// <summary>Synthetic reference FASTA for the genome benchmarks, plus the process's peak resident memory.</summary>
internal static class GenomeBenchData
{
    /// <summary>Writes chromosomes of random bases in 60-wide lines, with N runs and soft-masked stretches; returns the text bytes written.</summary>
    public static long WriteFasta(Stream output, int chromosomes, int basesPerChromosome, int seed)
    {
        const int width = 60;
        var random = new Random(seed);
        ReadOnlySpan<byte> letters = "ACGT"u8;
        var raw = new byte[width];
        var line = new byte[width + 1];
        long written = 0;
        for (int c = 1; c <= chromosomes; c++)
        {
            byte[] header = System.Text.Encoding.ASCII.GetBytes($">chr{c}\n");
            output.Write(header);
            written += header.Length;
            int nLines = 0, maskedLines = 0;
            for (int done = 0; done < basesPerChromosome; done += width)
            {
                int count = Math.Min(width, basesPerChromosome - done);
                if (nLines == 0 && random.Next(2_000) == 0)
                {
                    // ~5 % N overall, as in GRCh38 (151 M of 3.1 G bases)
                    nLines = random.Next(1, 200);
                }

                if (maskedLines == 0 && random.Next(40) == 0)
                {
                    maskedLines = random.Next(1, 20);
                }

                if (nLines > 0)
                {
                    line.AsSpan(0, count).Fill((byte)'N');
                    nLines--;
                }
                else
                {
                    random.NextBytes(raw);
                    byte lower = (byte)(maskedLines > 0 ? 0x20 : 0);
                    for (int i = 0; i < count; i++)
                    {
                        line[i] = (byte)(letters[raw[i] & 3] | lower);
                    }
                }

                maskedLines = Math.Max(0, maskedLines - 1);
                line[count] = (byte)'\n';
                output.Write(line, 0, count + 1);
                written += count + 1;
            }
        }

        return written;
    }

    /// <summary>Starts a new peak-memory window (Linux: writing 5 to /proc/self/clear_refs resets VmHWM); false where unsupported.</summary>
    public static bool ResetPeakMemory()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Peak resident memory in MB: VmHWM from /proc/self/status, else the process's peak working set.</summary>
    public static double PeakMemoryMb()
    {
        if (File.Exists("/proc/self/status"))
        {
            string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    public static string TempFolder(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"hyenaflow-bench-{name}-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
