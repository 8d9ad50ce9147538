using HyenaFlow.Engine.Model;
using HyenaFlow.Genomics.Download;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>What a published checkpoint folder holds, once proven loadable.</summary>
/// <param name="Config">The configuration <c>config.json</c> declares (named when it is a published one).</param>
/// <param name="TensorsLoaded">Model tensors the strict import filled.</param>
/// <param name="TensorsIgnored">Checkpoint entries deliberately left out (Lightning task state, tied LM head).</param>
public sealed record PublishedCheckpointInfo(HyenaDnaConfig Config, int TensorsLoaded, int TensorsIgnored);

/// <summary>
/// A folder laid out like a published HyenaDNA repository: <c>config.json</c> beside a Lightning
/// <c>weights.ckpt</c>. <see cref="CheckpointTensors.Read"/> and so <c>PretrainedWeights.Load</c> accept such a folder.
/// </summary>
public static class PublishedCheckpointFolder
{
    public static string ConfigPath(string folder) => Path.Combine(folder, CheckpointSource.ConfigFile);

    public static string WeightsPath(string folder) => Path.Combine(folder, CheckpointSource.WeightsFile);

    public static bool IsPublishedFolder(string folder) => File.Exists(WeightsPath(folder));

    /// <summary>
    /// Proves the folder usable: reads <c>config.json</c>, builds the backbone it declares, reads
    /// <c>weights.ckpt</c> and imports it strictly. Every failure names the file and what was expected.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is missing, unreadable, or the weights do not fit the configuration.</exception>
    public static PublishedCheckpointInfo Validate(string folder)
    {
        string configPath = ConfigPath(folder), weightsPath = WeightsPath(folder);
        foreach (var file in new[] { configPath, weightsPath })
        {
            if (!File.Exists(file)) throw new InvalidDataException($"{file}: missing; a published checkpoint folder holds config.json and weights.ckpt.");
        }

        var config = PublishedCheckpointConfig.Read(configPath);
        CheckpointTensors tensors;
        try
        {
            tensors = CheckpointTensors.Read(weightsPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException
                                       or System.Runtime.InteropServices.ExternalException)
        {
            throw new InvalidDataException(
                $"{weightsPath}: not a readable HyenaDNA checkpoint; expected a PyTorch Lightning weights.ckpt (a torch.save zip whose state_dict holds model.backbone.* tensors): {e.Message}", e);
        }

        using (tensors)
        {
            using var model = new HyenaDnaModel(config);
            try
            {
                var report = HyenaDnaCheckpoint.Import(tensors, model, strict: true);
                return new PublishedCheckpointInfo(config, report.Loaded.Count, report.Ignored.Count);
            }
            catch (CheckpointMismatchException e)
            {
                throw new InvalidDataException(
                    $"{weightsPath} does not fit {configPath} ({Describe(config)}):{Environment.NewLine}{e.Message}", e);
            }
        }
    }

    /// <summary>"tiny-1k (d_model 128, 2 layers, l_max 1,026)".</summary>
    public static string Describe(HyenaDnaConfig config) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{config.Name} (d_model {config.ModelWidth}, {config.LayerCount} layers, l_max {config.MaxLength:N0})");
}
