using System.Text.Json.Nodes;
using HyenaFlow.Activities.Data;
using HyenaFlow.Activities.Model;
using HyenaFlow.Activities.Tests.Pipeline;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Download;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Data;

/// <summary>
/// download-checkpoint@1 against a real HTTP server on 127.0.0.1 serving the official tiny-1k fixture, its base moved
/// there through the environment (this assembly's tests run one at a time), and its output used as finetune's init.
/// </summary>
public sealed class DownloadCheckpointActivityTests(PipelineFixture data) : IClassFixture<PipelineFixture>, IAsyncLifetime
{
    private readonly LocalHttpServer server = new();
    private string? before;

    public Task InitializeAsync()
    {
        before = Environment.GetEnvironmentVariable(CheckpointSourceOptions.BaseVariable);
        Environment.SetEnvironmentVariable(CheckpointSourceOptions.BaseVariable, server.BaseUri.ToString());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(CheckpointSourceOptions.BaseVariable, before);
        await server.DisposeAsync();
    }

    [Fact]
    public void The_descriptor_is_found_with_its_defaults()
    {
        var descriptor = new ActivityRegistry(BuiltInActivities.All()).Catalog.Find("download-checkpoint", "1");

        Assert.NotNull(descriptor);
        Assert.Equal("hyenadna-tiny-1k-seqlen", descriptor.FindInput("model")!.Default!.GetValue<string>());
        Assert.Equal(["weights", "config", "tensors"], descriptor.Outputs.Select(o => o.Name));
    }

    [Fact]
    public async Task Stores_the_checkpoint_folder_and_the_stored_folder_loads_as_pretrained_weights()
    {
        PublishedCheckpointFixture.Serve(server);

        var outputs = await data.RunAsync(new DownloadCheckpointActivity(), new() { ["sha256"] = PublishedCheckpointFixture.Sha256 });

        Assert.Equal("tiny-1k", outputs["config"].GetValue<string>());
        Assert.Equal(PublishedCheckpointFixture.BackboneTensors, outputs["tensors"].GetValue<int>());
        var folder = await data.MaterializeAsync(outputs["weights"], "weights");
        Assert.Equal(PublishedCheckpointFixture.Weights, File.ReadAllBytes(Path.Combine(folder, "weights.ckpt")));
        using var model = new HyenaDnaModel(HyenaDnaConfig.Tiny1K, classCount: 2);
        Assert.Contains($"{PublishedCheckpointFixture.BackboneTensors} tensors loaded, head initialised fresh", PretrainedWeights.Load(folder, model));
    }

    [Fact]
    public async Task A_retried_stage_resumes_the_cut_download_from_its_checkpoint_folder()
    {
        // The cut is retried at once (with a Range request) and then answered by a hard failure, as a flaky mirror might.
        PublishedCheckpointFixture.Serve(server).DropAfter(1_500_000).FailWith(404);
        var checkpoint = data.NewFolder("checkpoint");

        await Assert.ThrowsAsync<DownloadException>(() => data.RunAsync(new DownloadCheckpointActivity(), new(), checkpoint));
        var outputs = await data.RunAsync(new DownloadCheckpointActivity(), new(), checkpoint);

        Assert.Equal("tiny-1k", outputs["config"].GetValue<string>());
        var ranges = server.RequestsFor(PublishedCheckpointFixture.RepositoryPath() + "weights.ckpt").Select(r => r.Range);
        Assert.Equal([null, "bytes=1500000-", "bytes=1500000-"], ranges);
    }

    [Fact]
    public async Task An_unknown_model_is_refused_naming_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => data.RunAsync(new DownloadCheckpointActivity(), new() { ["model"] = "hyenadna-tiny-1k-seqlen-hf" }));

        Assert.Contains(string.Join(", ", CheckpointSources.Names), error.Message);
    }

    [Fact]
    public async Task Its_weights_start_the_pretrained_arm_of_finetune()
    {
        TorchSettings.UseThreads(1);
        PublishedCheckpointFixture.Serve(server);
        var (_, dataset) = await data.SmallDatasetAsync();
        var downloaded = await data.RunAsync(new DownloadCheckpointActivity(), new());

        var tuned = await data.RunAsync(new FinetuneActivity(), new()
        {
            ["dataset"] = dataset, ["arm"] = "pretrained", ["init"] = downloaded["weights"], ["config"] = downloaded["config"].DeepClone(),
            ["epochs"] = 1, ["batch"] = 4, ["warmup-steps"] = 1, ["seed"] = 5, ["device"] = "cpu",
        });

        Assert.Equal(1, tuned["epochs"].GetValue<int>());
        Assert.NotNull(ArtifactValue.Parse(tuned["weights"]).Digest);
    }
}
