using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HyenaFlow.Activities.Data;
using HyenaFlow.Genomics.Synthesis;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Activities.Tests.Data;

public sealed class SynthDataActivityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hf-synth-" + Guid.NewGuid().ToString("N")[..10]);

    public SynthDataActivityTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Built_in_activities_are_discoverable_with_their_descriptors()
    {
        var registry = new ActivityRegistry(BuiltInActivities.All());
        var synth = registry.Catalog.Find("synth-data", "1");
        Assert.NotNull(synth);
        Assert.Equal(["fasta", "mutations", "models"], synth.Outputs.Select(o => o.Name));
        Assert.Equal(42, synth.FindInput("seed")!.Default!.GetValue<int>());
    }

    [Fact]
    public async Task Stores_the_same_files_the_library_writes_for_the_seed()
    {
        var store = new LocalArtifactStore(Path.Combine(_root, "store"));
        var work = Path.Combine(_root, "work");
        Directory.CreateDirectory(work);
        var context = new ActivityContext("run", "synth", 1, work, Path.Combine(_root, "checkpoint"), store, _ => { });
        var activity = new SynthDataActivity();
        var inputs = activity.Descriptor.Inputs.ToDictionary(i => i.Name, i => i.Default!.DeepClone());
        inputs["seed"] = JsonValue.Create(5);

        var outputs = await activity.ExecuteAsync(context, inputs, CancellationToken.None);

        var direct = SyntheticDataGenerator.Generate(SynthesisOptions.For(SynthesisProfile.Demo, 5) with { Signal = 0.7 }, Path.Combine(_root, "direct"), new Progress<Genomics.ProgressReport>());
        Assert.Equal(Sha256(direct.GenomePath), ArtifactValue.Parse(outputs["fasta"]).Digest);
        Assert.Equal(Sha256(direct.MutationsPath), ArtifactValue.Parse(outputs["mutations"]).Digest);
        Assert.True(await store.ContainsAsync(ArtifactValue.Parse(outputs["models"])));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
