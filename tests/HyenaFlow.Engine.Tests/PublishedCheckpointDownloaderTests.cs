using System.Text;
using HyenaFlow.Engine.Checkpoints;
using HyenaFlow.Engine.Model;
using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Engine.Training;
using HyenaFlow.Genomics.Download;
using HyenaFlow.Genomics.Tests.Download;

namespace HyenaFlow.Engine.Tests;

/// <summary>Downloading a published checkpoint from a real HTTP server on 127.0.0.1 serving the official tiny-1k fixture.</summary>
public sealed class PublishedCheckpointDownloaderTests : IAsyncLifetime
{
    private readonly LocalHttpServer server = new();
    private readonly TempFolder temp = new();

    static PublishedCheckpointDownloaderTests() => TorchSettings.UseThreads(1);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        temp.Dispose();
    }

    private string Out => Path.Combine(temp.Path, "tiny");

    private PublishedCheckpointDownloader Downloader(HttpDownloader http) => new(http, new CheckpointSourceOptions { Base = server.BaseUri });

    private static HttpDownloader Http(int maxAttempts = 8) =>
        new(new DownloadOptions { MaxAttempts = maxAttempts, Delay = (_, _) => Task.CompletedTask, IdleTimeout = TimeSpan.FromSeconds(5) });

    [Fact]
    public async Task Downloads_validates_and_the_folder_loads_as_pretrained_weights()
    {
        PublishedCheckpointFixture.Serve(server);
        using var http = Http();

        var result = await Downloader(http).DownloadAsync("hyenadna-tiny-1k-seqlen", Out, PublishedCheckpointFixture.Sha256);

        Assert.Equal(Path.GetFullPath(Out), result.Folder);
        Assert.Equal(HyenaDnaConfig.Tiny1K, result.Config);
        Assert.Equal(PublishedCheckpointFixture.BackboneTensors, result.TensorsLoaded);
        Assert.Equal(PublishedCheckpointFixture.Sha256, result.WeightsSha256);
        Assert.Equal(new Uri(server.BaseUri, PublishedCheckpointFixture.RepositoryPath()), result.Source);
        Assert.Equal(["config.json", "weights.ckpt"], Directory.GetFiles(Out).Select(Path.GetFileName).Order());
        Assert.Equal(PublishedCheckpointFixture.Weights, File.ReadAllBytes(Path.Combine(Out, "weights.ckpt")));
        Assert.False(Directory.Exists(Out + PublishedCheckpointDownloader.StagingSuffix));

        // What the finetune activity does with its init artifact: the folder itself is the weights.
        using var model = new HyenaDnaModel(result.Config, classCount: 2);
        var description = PretrainedWeights.Load(Out, model);
        Assert.Contains($"{result.TensorsLoaded} tensors loaded, head initialised fresh", description);
        using var fixture = new HyenaFixture();
        using var reference = fixture.LoadModel();
        var key = "backbone.layers.1.mlp.fc2.weight";
        Assert.Equal(0, HyenaFixture.MaxAbsDifference(model.state_dict()[key], reference.state_dict()[key]));
    }

    [Fact]
    public async Task Short_names_and_hub_addresses_resolve_to_the_same_files()
    {
        PublishedCheckpointFixture.Serve(server);
        using var http = Http();

        var byShortName = await Downloader(http).DownloadAsync("tiny-1k", Path.Combine(temp.Path, "a"));
        var byPage = await Downloader(http).DownloadAsync(server.Url("LongSafari/hyenadna-tiny-1k-seqlen/tree/main").ToString(), Path.Combine(temp.Path, "b"));

        Assert.Equal(byShortName.WeightsSha256, byPage.WeightsSha256);
        Assert.Equal(byShortName.Source, byPage.Source);
    }

    [Fact]
    public async Task A_cut_connection_resumes_within_the_call_and_in_the_next_call()
    {
        var weights = PublishedCheckpointFixture.Serve(server);
        weights.DropAfter(1_000_000);
        using (var http = Http(maxAttempts: 1))
        {
            // A stage that fails here is retried later; its bytes must not be lost.
            await Assert.ThrowsAsync<DownloadException>(() => Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out));
        }

        string part = Path.Combine(Out + PublishedCheckpointDownloader.StagingSuffix, "weights.ckpt.part");
        Assert.Equal(1_000_000, new FileInfo(part).Length);
        Assert.False(Directory.Exists(Out));

        weights.DropAfter(2_000_000);
        using (var http = Http())
        {
            var result = await Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out, PublishedCheckpointFixture.Sha256);
            Assert.Equal(2, result.Requests); // weights twice: a cut after 2 MB, then the rest; config.json was already staged
        }

        var ranges = server.RequestsFor(PublishedCheckpointFixture.RepositoryPath() + "weights.ckpt").Select(r => r.Range).ToList();
        Assert.Equal([null, "bytes=1000000-", "bytes=3000000-"], ranges);
        Assert.Equal(PublishedCheckpointFixture.Weights, File.ReadAllBytes(Path.Combine(Out, "weights.ckpt")));
    }

    [Fact]
    public async Task An_unknown_name_lists_the_known_ones()
    {
        using var http = Http();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Downloader(http).DownloadAsync("hyenadna-huge-9m-seqlen", Out));

        foreach (var name in CheckpointSources.Names) Assert.Contains(name, error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_html_page_instead_of_the_weights_is_refused_by_name()
    {
        PublishedCheckpointFixture.Serve(server, weights: Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Access to this model is restricted</title></head></html>"))
            .ContentType = "text/html";
        using var http = Http();

        var error = await Assert.ThrowsAsync<DownloadException>(() => Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out));

        Assert.Contains("weights.ckpt: the server returned an HTML page (\"Access to this model is restricted\")", error.Message);
        Assert.Contains("expected weights.ckpt, a PyTorch Lightning checkpoint", error.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Bytes_that_are_no_checkpoint_fail_validation_and_are_not_kept()
    {
        PublishedCheckpointFixture.Serve(server, weights: Encoding.ASCII.GetBytes("version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 5451823\n"));
        using var http = Http();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out));

        Assert.Contains("weights.ckpt: not a readable HyenaDNA checkpoint; expected a PyTorch Lightning weights.ckpt", error.Message);
        Assert.False(Directory.Exists(Out));
        Assert.False(Directory.Exists(Out + PublishedCheckpointDownloader.StagingSuffix));
    }

    [Fact]
    public async Task Weights_that_do_not_fit_config_json_name_both_files_and_the_keys()
    {
        PublishedCheckpointFixture.Serve(server, configJson: PublishedCheckpointFixture.ConfigJson.Replace("\"n_layer\": 2", "\"n_layer\": 3", StringComparison.Ordinal));
        using var http = Http();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out));

        Assert.Contains("weights.ckpt does not fit", error.Message);
        Assert.Contains("config.json (custom (d_model 128, 3 layers, l_max 1,026))", error.Message);
        Assert.Contains("backbone.layers.2.mlp.fc1.weight", error.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_config_json_with_a_wrong_type_names_the_json_path()
    {
        PublishedCheckpointFixture.Serve(server, configJson: PublishedCheckpointFixture.ConfigJson.Replace("\"l_max\": 1026", "\"l_max\": \"1k\"", StringComparison.Ordinal));
        using var http = Http();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out));

        Assert.Contains("config.json: $.layer.l_max: expected a positive integer, found String \"1k\"", error.Message);
    }

    [Fact]
    public async Task A_wrong_sha256_is_refused()
    {
        PublishedCheckpointFixture.Serve(server);
        using var http = Http();

        var error = await Assert.ThrowsAsync<DownloadException>(() => Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out, new string('0', 64)));

        Assert.Contains($"sha256 mismatch for weights.ckpt: the source publishes {new string('0', 64)} but the downloaded bytes give {PublishedCheckpointFixture.Sha256}", error.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_previous_download_is_replaced_but_a_folder_with_other_files_is_not_touched()
    {
        PublishedCheckpointFixture.Serve(server);
        using var http = Http();
        await Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out);

        var again = await Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out);
        Assert.Equal(PublishedCheckpointFixture.Sha256, again.WeightsSha256);
        Assert.Single(Directory.GetDirectories(temp.Path));

        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");
        var error = await Assert.ThrowsAsync<IOException>(() => Downloader(http).DownloadAsync(PublishedCheckpointFixture.Name, Out));
        Assert.Contains("holds other files (notes.txt)", error.Message);
        Assert.True(File.Exists(Path.Combine(Out, "notes.txt")));
    }
}
