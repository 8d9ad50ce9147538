using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HyenaFlow.Genomics.Synthesis;
using HyenaFlow.Storage.Local;
using HyenaFlow.Workflows.Activities;



namespace HyenaFlow.Activities.Tests.Pipeline;

/// <summary>Synthetic data generated once for a test class, an artifact store, and a way to run an activity with
/// its descriptor defaults the way the runtime fills them in.</summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "hf-pipeline-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        Store = new LocalArtifactStore(Path.Combine(Root, "store"));
        Synth = SyntheticDataGenerator.Generate(SynthesisOptions.For(SynthesisProfile.Demo, 3), Path.Combine(Root, "synth"), new Progress<Genomics.ProgressReport>());
    }

    public string Root { get; }

    public LocalArtifactStore Store { get; }

    public SynthesisSummary Synth { get; }

    public string NewFolder(string name)
    {
        var path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(path);
        return path;
    }

    private Task<(JsonNode Genome, JsonNode Dataset)>? _small;

    /// <summary>Genome store and a tiny 1,024 dataset (2 train and 1 test line per class, 2 mutations each), built once.</summary>
    public Task<(JsonNode Genome, JsonNode Dataset)> SmallDatasetAsync() => _small ??= BuildSmallAsync();

    private async Task<(JsonNode, JsonNode)> BuildSmallAsync()
    {
        var genome = (await RunAsync(new Genome.ImportGenomeActivity(), new() { ["fasta"] = await PutAsync(Synth.GenomePath) }))["genome"];
        var mutations = (await RunAsync(new Mutations.ImportMutationsActivity(), new()
        {
            ["mutations"] = await PutAsync(Synth.MutationsPath), ["models"] = await PutAsync(Synth.ModelsPath), ["genome"] = genome,
        }))["mutations"];
        var dataset = (await RunAsync(new Datasets.BuildDatasetActivity(), new()
        {
            ["genome"] = genome, ["mutations"] = mutations, ["length"] = 1024, ["seed"] = 1, ["train-lines"] = 2, ["test-lines"] = 1, ["max-per-line"] = 2,
        }))["dataset"];
        return (genome, dataset);
    }

    public async Task<JsonNode> PutAsync(string path) => ArtifactValue.Format(await Store.PutAsync(path));

    /// <summary>Runs <paramref name="activity"/> with its defaults overlaid by <paramref name="given"/>; the
    /// checkpoint folder is <paramref name="checkpoint"/> when given (to resume), else a fresh one.</summary>
    public async Task<IReadOnlyDictionary<string, JsonNode>> RunAsync(IActivity activity, Dictionary<string, JsonNode> given, string? checkpoint = null)
    {
        var inputs = activity.Descriptor.Inputs.Where(i => i.Default is not null).ToDictionary(i => i.Name, i => i.Default!.DeepClone());
        foreach (var (name, value) in given)
            inputs[name] = value;
        var work = NewFolder("work");
        var context = new ActivityContext("run", activity.Descriptor.Name, 1, work, checkpoint ?? NewFolder("checkpoint"), Store, _ => { });
        return await activity.ExecuteAsync(context, inputs, CancellationToken.None);
    }

    /// <summary>Writes an artifact out to a fresh folder and returns its path.</summary>
    public async Task<string> MaterializeAsync(JsonNode artifact, string name)
    {
        var path = Path.Combine(NewFolder("out"), name);
        await Store.MaterializeAsync(ArtifactValue.Parse(artifact), path);
        return path;
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Names and hashes of every file under a folder, for comparing two folders' content.</summary>
    public static IReadOnlyList<string> FolderHashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f) + " " + Sha256(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
