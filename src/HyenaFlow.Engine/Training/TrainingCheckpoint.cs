using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics.IO;

namespace HyenaFlow.Engine.Training;

/// <summary>
/// HyenaFlow's own training checkpoints: one file <c>checkpoint-{step:D9}.hfck</c> per save holding
/// the <see cref="TrainingState"/> (JSON), the model (TorchSharp format, official key names) and the
/// optimiser state. Files are written under a temporary name and moved into place, so a crash never
/// leaves a half-written checkpoint; the newest complete file is the one to resume from.
/// </summary>
public static class TrainingCheckpoint
{
    public const string Extension = ".hfck";
    private const string Prefix = "checkpoint-";
    private static readonly byte[] Magic = "HFCKPT01"u8.ToArray();

    internal static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The checkpoint with the highest step in <paramref name="directory"/>, or null.</summary>
    public static string? Latest(string directory) =>
        All(directory).Select(c => c.Path).LastOrDefault();

    /// <summary>Writes a checkpoint atomically, then deletes all but the newest <paramref name="keepOlder"/> older ones.</summary>
    /// <returns>The checkpoint's path.</returns>
    public static string Save(string directory, TrainingState state, HyenaDnaModel model, TrainingOptimizer optimizer, int keepOlder = 1)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Prefix}{state.Step.ToString("D9", CultureInfo.InvariantCulture)}{Extension}");
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(state, Json));
            model.save(writer);
            optimizer.Save(writer);
            writer.Flush();
        });

        foreach (var old in All(directory).Where(c => c.Path != path).SkipLast(keepOlder).ToList())
            File.Delete(old.Path);
        return path;
    }

    /// <summary>Restores model weights and optimiser state from a checkpoint; returns its state.</summary>
    public static TrainingState Load(string path, HyenaDnaModel model, TrainingOptimizer optimizer)
    {
        using var reader = OpenReader(path, out var state);
        model.load(reader, strict: true);
        optimizer.Load(reader);
        return state;
    }

    /// <summary>Only the state record of a checkpoint.</summary>
    public static TrainingState ReadState(string path)
    {
        using var reader = OpenReader(path, out var state);
        return state;
    }

    /// <summary>
    /// Copies the weights a checkpoint has into <paramref name="model"/>, ignoring those it lacks: a
    /// pre-training checkpoint (no head) gives a classifier its backbone. Returns the checkpoint's state.
    /// </summary>
    public static TrainingState LoadWeights(string path, HyenaDnaModel model)
    {
        using var reader = OpenReader(path, out var state);
        model.load(reader, strict: false);
        return state;
    }

    /// <summary>True when <paramref name="path"/> is a file that starts like a HyenaFlow checkpoint.</summary>
    public static bool IsCheckpoint(string path)
    {
        if (!File.Exists(path)) return false;
        using var stream = File.OpenRead(path);
        var head = new byte[Magic.Length];
        return stream.Read(head) == head.Length && head.AsSpan().SequenceEqual(Magic);
    }

    private static BinaryReader OpenReader(string path, out TrainingState state)
    {
        var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException($"{path}: not a HyenaFlow training checkpoint (expected the HFCKPT01 header).");
            state = JsonSerializer.Deserialize<TrainingState>(reader.ReadString(), Json)
                ?? throw new InvalidDataException($"{path}: the checkpoint's state record is empty.");
            return reader;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException)
        {
            reader.Dispose();
            throw new InvalidDataException($"{path}: the checkpoint is cut short or damaged: {e.Message}", e);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static IEnumerable<(long Step, string Path)> All(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.EnumerateFiles(directory, Prefix + "*" + Extension)
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p)[Prefix.Length..], Path: p))
            .Where(c => long.TryParse(c.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(c => (long.Parse(c.Name, CultureInfo.InvariantCulture), c.Path))
            .OrderBy(c => c.Item1)
            .ToList();
    }
}
