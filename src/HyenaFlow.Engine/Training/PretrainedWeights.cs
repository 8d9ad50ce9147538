using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Training;

/// <summary>Starting weights of the pretrained arm, from either kind of checkpoint.</summary>
public static class PretrainedWeights
{
    /// <summary>
    /// Loads fine-tuned weights (<c>best.weights</c>), a HyenaFlow checkpoint (.hfck, e.g. from <see cref="Pretrainer"/>; weights it lacks, such
    /// as a new head, are left alone) or a published HyenaDNA checkpoint (anything the importer reads)
    /// into <paramref name="model"/>, then makes every parameter trainable again.
    /// </summary>
    /// <returns>A one-line description of what was loaded.</returns>
    public static string Load(string path, HyenaDnaModel model)
    {
        string description;
        if (Path.GetFileName(path) == FineTuner.BestWeightsFile || Path.GetExtension(path) == ".weights")
        {
            // The best epoch's weights from a fine-tuning run: TorchSharp's format, official key names.
            model.load(path, strict: false);
            description = $"HyenaFlow weights {path}";
        }
        else if (TrainingCheckpoint.IsCheckpoint(path))
        {
            var state = TrainingCheckpoint.LoadWeights(path, model);
            description = $"HyenaFlow {state.Kind} checkpoint at step {state.Step} ({state.ModelSignature})";
        }
        else
        {
            var report = HyenaDnaCheckpoint.Import(path, model, strict: true);
            description = $"HyenaDNA checkpoint {path}: {report.Loaded.Count} tensors loaded{(report.HeadInitialized ? ", head initialised fresh" : "")}";
        }
        foreach (var parameter in model.parameters()) parameter.requires_grad = true;
        return description;
    }
}
