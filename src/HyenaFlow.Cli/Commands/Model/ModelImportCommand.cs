using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Engine.Model;

namespace HyenaFlow.Cli.Commands.Model;

public sealed class ModelImportCommand : CliCommand
{
    public override string Name => "model import";

    public override string Summary => "Import a published HyenaDNA checkpoint (weights.ckpt, pytorch_model.bin, safetensors) into HyenaFlow weights.";

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("checkpoint", "PATH", "The published checkpoint; a config.json beside it is read too.", Required: true),
        new("out", "FILE", "Where to write the HyenaFlow weights (.weights).", Required: true),
        new("classes", "N", "Classification head to add (initialised fresh when the checkpoint has none).", Default: "2"),
        new("lenient", null, "Load what matches and report the rest instead of failing on any mismatch."),
    ];

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        string path = args.Require("checkpoint");
        using var tensors = CheckpointTensors.Read(path);
        string? folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path));
        string? configJson = folder is null ? null : Path.Combine(folder, "config.json");
        HyenaDnaConfig config = HyenaDnaCheckpoint.InferConfig(tensors, File.Exists(configJson) ? configJson : null);
        using var model = new HyenaDnaModel(config, args.GetInt32("classes", 2));
        CheckpointImportReport report = HyenaDnaCheckpoint.Import(tensors, model, strict: !args.Flag("lenient"));
        WeightsFile.Save(model, args.Require("out"));
        context.Out.WriteLine($"config: {config.Name} (d_model {config.ModelWidth}, {config.LayerCount} layers, l_max {config.MaxLength:N0})");
        context.Out.WriteLine($"loaded {report.Loaded.Count} tensors, ignored {report.Ignored.Count}{(report.HeadInitialized ? "; classification head initialised fresh" : "")}");
        foreach (var (label, keys) in new[] { ("missing", report.Missing), ("unexpected", report.Unexpected), ("mis-shaped", report.MisShaped) })
        {
            if (keys.Count > 0)
            {
                context.Out.WriteLine($"{label}: {string.Join(", ", keys)}");
            }
        }

        context.Out.WriteLine($"wrote {args.Require("out")}");
        return Task.FromResult(CliApplication.Ok);
    }
}
