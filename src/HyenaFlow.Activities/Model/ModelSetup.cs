using System.Globalization;
using System.Text.Json.Nodes;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Training;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Model;

/// <summary>What every model activity shares with the `model` verbs: the configuration that fits the data, the
/// thread setting, and weights loaded from an artifact in whichever format they come.</summary>
internal static class ModelSetup
{
    public static InputDescriptor ConfigInput { get; } = new("config", DataType.String, false, JsonValue.Create(""),
        "tiny-1k, small-32k, medium-160k, medium-450k or large-1m; empty: the smallest that holds the data");

    public static InputDescriptor SplitInput { get; } = new("split", DataType.String, false, JsonValue.Create("test"), "train, test or embedding");

    public static InputDescriptor BatchInput { get; } = new("batch", DataType.Integer, false, JsonValue.Create(8), "sequences per forward pass");

    public static InputDescriptor DeviceInput { get; } = new("device", DataType.String, false, JsonValue.Create("auto"),
        "cpu, cuda or auto (CUDA when LibTorch has it)");

    /// <summary>As the CLI: HYENAFLOW_THREADS, else 1 (more threads slow small ops down on a busy machine).</summary>
    public static void ApplyThreads()
    {
        var text = Environment.GetEnvironmentVariable("HYENAFLOW_THREADS");
        TorchSettings.UseThreads(int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1);
    }

    /// <summary>The named configuration, or the smallest whose context holds <paramref name="tokensPerSequence"/>.</summary>
    public static HyenaDnaConfig ResolveConfig(string? name, int tokensPerSequence)
    {
        if (name is { Length: > 0 })
        {
            var config = HyenaDnaConfig.Named.FirstOrDefault(c => c.Name == name)
                ?? throw new InvalidDataException($"input 'config' expects one of {string.Join(", ", HyenaDnaConfig.Named.Select(c => c.Name))}, got '{name}'");
            return config.MaxLength >= tokensPerSequence
                ? config
                : throw new InvalidDataException($"configuration {name} holds {config.MaxLength} tokens but the data have {tokensPerSequence} per sequence");
        }

        return HyenaDnaConfig.Named.FirstOrDefault(c => c.MaxLength >= tokensPerSequence)
            ?? throw new InvalidDataException($"no configuration holds {tokensPerSequence} tokens per sequence");
    }

    /// <summary>
    /// Writes a weights artifact where <see cref="PretrainedWeights.Load"/> recognises it: HyenaFlow checkpoints
    /// by their magic, folders and torch zips as published checkpoints, anything else as fine-tuned
    /// <c>best.weights</c> (TorchSharp's format, which carries no magic of its own).
    /// </summary>
    public static async Task<string> MaterializeWeightsAsync(ActivityContext context, JsonNode artifact, string name, CancellationToken cancellationToken)
    {
        var path = await context.MaterializeAsync(artifact, Path.Combine(name, "weights"), cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(path) || TrainingCheckpoint.IsCheckpoint(path) || IsZip(path))
            return path;
        var renamed = Path.Combine(Path.GetDirectoryName(path)!, FineTuner.BestWeightsFile);
        if (!File.Exists(renamed))
            File.Move(path, renamed);
        return renamed;
    }

    public static HyenaDnaModel LoadModel(HyenaDnaConfig config, int? classes, string weightsPath, ActivityContext context)
    {
        var model = new HyenaDnaModel(config, classes);
        try
        {
            context.Log($"weights: {PretrainedWeights.Load(weightsPath, model)}");
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static bool IsZip(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        return stream.Read(head) == 2 && head[0] == (byte)'P' && head[1] == (byte)'K';
    }
}
