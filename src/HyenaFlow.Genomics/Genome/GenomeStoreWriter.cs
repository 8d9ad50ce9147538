namespace HyenaFlow.Genomics.Genome;

/// <summary>
/// Writes a genome store sequence by sequence to a temporary file beside the target and renames it into place
/// on <see cref="Commit"/>, so a crash never leaves a half-written store under the real name.
/// </summary>
internal sealed class GenomeStoreWriter : IDisposable
{
    private readonly string targetPath;
    private readonly string tempPath;
    private readonly FileStream output;
    private readonly List<StoredSequence> sequences = [];
    private SequencePacker? current;
    private string? currentName;
    private long currentOffset;
    private bool committed;

    public GenomeStoreWriter(string targetPath)
    {
        this.targetPath = Path.GetFullPath(targetPath);
        Directory.CreateDirectory(Path.GetDirectoryName(this.targetPath)!);
        tempPath = $"{this.targetPath}.{Guid.NewGuid():N}.tmp";
        output = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20);
        output.Write(new byte[GenomeStoreFormat.PreambleSize]);
    }

    public IReadOnlyList<StoredSequence> Sequences => sequences;

    public SequencePacker Begin(string name)
    {
        if (current is not null)
        {
            throw new InvalidOperationException($"Sequence '{currentName}' is still open.");
        }

        currentName = name;
        currentOffset = output.Position;
        return current = new SequencePacker(output);
    }

    public void End()
    {
        SequencePacker packer = current ?? throw new InvalidOperationException("No sequence is open.");
        var (runs, counts) = packer.Finish();
        PadTo8();
        long runsOffset = output.Position;
        var bytes = new byte[runs.Count * sizeof(long)];
        for (int i = 0; i < runs.Count; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(long)), runs[i]);
        }

        output.Write(bytes);
        sequences.Add(new StoredSequence(currentName!, packer.Length, currentOffset, runsOffset, runs.Count / 2, counts));
        current = null;
        currentName = null;
    }

    public void Commit(string sourceFile, string selection)
    {
        if (current is not null)
        {
            End();
        }

        long directoryOffset = output.Position;
        GenomeStoreFormat.WriteDirectory(output, new StoreDirectory(sourceFile, selection, sequences));
        long directoryLength = output.Position - directoryOffset;
        output.Position = 0;
        GenomeStoreFormat.WritePreamble(output, directoryOffset, directoryLength);
        output.Flush(flushToDisk: true);
        output.Dispose();
        File.Move(tempPath, targetPath, overwrite: true);
        committed = true;
    }

    public void Dispose()
    {
        output.Dispose();
        if (!committed)
        {
            File.Delete(tempPath);
        }
    }

    private void PadTo8()
    {
        int pad = (int)((8 - (output.Position % 8)) % 8);
        output.Write(new byte[pad]);
    }
}
