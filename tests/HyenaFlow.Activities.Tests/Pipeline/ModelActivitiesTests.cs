using System.Text.Json.Nodes;
using HyenaFlow.Activities.Model;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Data;
using HyenaFlow.Engine.Evaluation;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Selection;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Pipeline;

/// <summary>pretrain, finetune, evaluate and embed give what the engine calls of the `model` verbs give, on a tiny
/// dataset, and finetune continues from its checkpoint folder.</summary>
public sealed class ModelActivitiesTests(PipelineFixture data) : IClassFixture<PipelineFixture>
{
    private static Dictionary<string, JsonNode> Tiny(JsonNode dataset, int epochs) => new()
    {
        ["dataset"] = dataset, ["arm"] = "random", ["config"] = "tiny-1k", ["epochs"] = epochs, ["batch"] = 4,
        ["warmup-steps"] = 1, ["cycle-steps"] = 4, ["seed"] = 5, ["device"] = "cpu",
    };

    private static FineTuneOptions DirectOptions(string checkpoints, int epochs) => new()
    {
        Arm = TrainingArm.Random, Epochs = epochs, BatchSize = 4,
        Schedule = new CosineWarmupSchedule { LearningRate = 6e-4, WarmupSteps = 1, CycleSteps = 4 },
        Seed = 5, CheckpointDirectory = checkpoints, Device = "cpu",
    };

    [Fact]
    public async Task Finetune_and_evaluate_match_the_engine_and_finetune_resumes_from_its_checkpoints()
    {
        TorchSettings.UseThreads(1);
        var (_, datasetArtifact) = await data.SmallDatasetAsync();
        var checkpoint = data.NewFolder("checkpoint");
        var first = await data.RunAsync(new FinetuneActivity(), Tiny(datasetArtifact, epochs: 2), checkpoint);
        Assert.NotEmpty(Directory.GetFiles(checkpoint, "*" + TrainingCheckpoint.Extension));

        // Executed again over the same checkpoint folder (a crash after training, before the stage was recorded):
        // it continues from the last checkpoint, so nothing is trained twice and the outputs are the same.
        var resumed = await data.RunAsync(new FinetuneActivity(), Tiny(datasetArtifact, epochs: 2), checkpoint);
        Assert.Equal(first["weights"].ToJsonString(), resumed["weights"].ToJsonString());
        Assert.Equal(first["metrics"]!["steps"]!.GetValue<long>(), resumed["metrics"]!["steps"]!.GetValue<long>());

        var datasetPath = await data.MaterializeAsync(datasetArtifact, "dataset");
        var directFolder = data.NewFolder("direct");
        FineTuneResult direct;
        using (var train = ShardedDataset.Open(datasetPath, Split.Train))
        using (var test = ShardedDataset.Open(datasetPath, Split.Test))
        using (var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, train.ClassCount))
            direct = FineTuner.Run(model, train, test, DirectOptions(directFolder, 2));

        Assert.Equal(2, resumed["epochs"].GetValue<int>());
        Assert.Equal(direct.BestAccuracy, resumed["best-accuracy"].GetValue<double>());
        Assert.Equal(PipelineFixture.Sha256(direct.BestWeightsPath!), ArtifactValue.Parse(resumed["weights"]).Digest);
        Assert.Equal(direct.Steps, resumed["metrics"]!["steps"]!.GetValue<long>());

        var evaluated = await data.RunAsync(new EvaluateActivity(), new() { ["dataset"] = datasetArtifact, ["weights"] = resumed["weights"], ["device"] = "cpu" });
        EvaluationReport report;
        using (var test = ShardedDataset.Open(datasetPath, Split.Test))
        using (var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, test.ClassCount))
        {
            PretrainedWeights.Load(direct.BestWeightsPath!, model);
            report = Evaluator.Evaluate(model, test, 8, TorchSettings.SelectDevice("cpu"));
        }

        var metrics = evaluated["metrics"]!;
        Assert.Equal(report.Accuracy, metrics["accuracy"]!.GetValue<double>());
        Assert.Equal(report.Loss, metrics["loss"]!.GetValue<double>(), 12);
        Assert.Equal(report.Sequences, metrics["sequences"]!.GetValue<long>());
        Assert.Equal(report.Confusion[0, 0], metrics["confusion"]![0]![0]!.GetValue<long>());
    }

    [Fact]
    public async Task Finetune_interrupted_after_a_checkpoint_continues_to_the_result_of_an_uninterrupted_run()
    {
        TorchSettings.UseThreads(1);
        var (_, datasetArtifact) = await data.SmallDatasetAsync();
        var activity = new FinetuneActivity();
        var inputs = activity.Descriptor.Inputs.Where(i => i.Default is not null).ToDictionary(i => i.Name, i => i.Default!.DeepClone());
        foreach (var (name, value) in Tiny(datasetArtifact, epochs: 6))
            inputs[name] = value;
        inputs["cycle-steps"] = 12;
        var checkpoint = data.NewFolder("checkpoint");

        // Stop the stage as soon as its first checkpoint is on disk, as a kill would.
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Directory.GetFiles(checkpoint, "*" + TrainingCheckpoint.Extension).Length == 0)
                await Task.Delay(5);
            await stop.CancelAsync();
        });
        var interrupted = new ActivityContext("run", "finetune", 1, data.NewFolder("work"), checkpoint, data.Store, _ => { });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => activity.ExecuteAsync(interrupted, inputs, stop.Token));
        await watcher;
        var stepsBefore = TrainingCheckpoint.ReadState(TrainingCheckpoint.Latest(checkpoint)!).Step;
        Assert.InRange(stepsBefore, 1, 11);

        var again = new ActivityContext("run", "finetune", 2, data.NewFolder("work"), checkpoint, data.Store, _ => { });
        var resumed = await activity.ExecuteAsync(again, inputs, CancellationToken.None);

        var datasetPath = await data.MaterializeAsync(datasetArtifact, "dataset");
        FineTuneResult direct;
        using (var train = ShardedDataset.Open(datasetPath, Split.Train))
        using (var test = ShardedDataset.Open(datasetPath, Split.Test))
        using (var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, train.ClassCount))
            direct = FineTuner.Run(model, train, test, DirectOptions(data.NewFolder("direct"), 6) with { Schedule = new CosineWarmupSchedule { LearningRate = 6e-4, WarmupSteps = 1, CycleSteps = 12 } });

        Assert.Equal(direct.Steps, resumed["metrics"]!["steps"]!.GetValue<long>());
        Assert.Equal(direct.BestAccuracy, resumed["best-accuracy"].GetValue<double>());
        Assert.Equal(PipelineFixture.Sha256(direct.BestWeightsPath!), ArtifactValue.Parse(resumed["weights"]).Digest);
    }

    [Fact]
    public async Task Pretrain_gives_the_engine_checkpoint_that_finetune_and_embed_read()
    {
        TorchSettings.UseThreads(1);
        var (genomeArtifact, datasetArtifact) = await data.SmallDatasetAsync();
        var pretrained = await data.RunAsync(new PretrainActivity(), new()
        {
            ["genome"] = genomeArtifact, ["steps"] = 2, ["batch"] = 2, ["length"] = 256, ["warmup-steps"] = 1, ["checkpoint-every"] = 1, ["seed"] = 3, ["device"] = "cpu",
        });

        PretrainResult direct;
        using (var genome = GenomeStore.Open(await data.MaterializeAsync(genomeArtifact, "genome.hfg")))
        using (var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K))
        {
            direct = Pretrainer.Run(model, new GenomeWindowSource(genome), new PretrainOptions
            {
                Steps = 2, SequenceLength = 256, BatchSize = 2, Seed = 3, CheckpointEverySteps = 1, Device = "cpu",
                Schedule = new CosineWarmupSchedule { LearningRate = 6e-4, WarmupSteps = 1, CycleSteps = 2 },
                CheckpointDirectory = data.NewFolder("direct"),
            });
        }

        Assert.Equal(direct.FinalLoss, pretrained["final-loss"].GetValue<double>());
        Assert.Equal(2, pretrained["steps"].GetValue<long>());

        var frozen = await data.RunAsync(new FinetuneActivity(), new(Tiny(datasetArtifact, epochs: 1)) { ["arm"] = "frozen", ["init"] = pretrained["weights"] });
        Assert.InRange(frozen["best-accuracy"].GetValue<double>(), 0, 1);

        var embedded = await data.RunAsync(new EmbedActivity(), new() { ["dataset"] = datasetArtifact, ["weights"] = pretrained["weights"], ["config"] = "tiny-1k", ["device"] = "cpu" });
        Assert.Equal(HyenaDnaConfig.Tiny1K.ModelWidth, embedded["width"].GetValue<int>());
        Assert.True(embedded["rows"].GetValue<long>() > 0);
    }
}
