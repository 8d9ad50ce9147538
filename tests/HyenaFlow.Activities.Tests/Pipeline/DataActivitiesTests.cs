using System.Text.Json.Nodes;
using HyenaFlow.Activities.Datasets;
using HyenaFlow.Activities.Genome;
using HyenaFlow.Activities.Mutations;
using HyenaFlow.Genomics.Datasets;
using HyenaFlow.Genomics.Fasta;
using HyenaFlow.Genomics.Genome;
using HyenaFlow.Genomics.Mutations;
using HyenaFlow.Genomics.Selection;

namespace HyenaFlow.Activities.Tests.Pipeline;

/// <summary>import-genome, import-mutations, select-cell-lines and build-dataset give what the library calls the
/// CLI verbs make give.</summary>
public sealed class DataActivitiesTests(PipelineFixture data) : IClassFixture<PipelineFixture>
{
    private static readonly BalanceOptions SmallBalance = new() { TrainLines = 3, TestLines = 1, MaxMutationsPerLine = 4 };

    [Fact]
    public async Task Import_genome_stores_the_same_genome_and_stats_as_the_importer()
    {
        var outputs = await data.RunAsync(new ImportGenomeActivity(), new() { ["fasta"] = await data.PutAsync(data.Synth.GenomePath) });

        var direct = Path.Combine(data.NewFolder("direct"), "genome.hfg");
        var summary = FastaImporter.Import(data.Synth.GenomePath, direct, new GenomeImportOptions { Keep = ChromosomeSelection.Parse("autosomes") }, null, CancellationToken.None);
        // The store records its source file's name, which differs; the sequences and counts must not.
        using var stored = GenomeStore.Open(await data.MaterializeAsync(outputs["genome"], "genome.hfg"));
        using var expected = GenomeStore.Open(direct);
        Assert.Equal(expected.Chromosomes, stored.Chromosomes);
        Assert.Equal(expected.Stats.ToTable(), stored.Stats.ToTable());
        Assert.Equal(summary.Stats.ToTable(), outputs["stats"].GetValue<string>());
        Assert.Equal(summary.Stats.Total.Total, outputs["bases"].GetValue<long>());
    }

    [Fact]
    public async Task Import_mutations_select_and_build_dataset_match_the_direct_calls()
    {
        var genomeOut = await data.RunAsync(new ImportGenomeActivity(), new() { ["fasta"] = await data.PutAsync(data.Synth.GenomePath) });
        var mutationsOut = await data.RunAsync(new ImportMutationsActivity(), new()
        {
            ["mutations"] = await data.PutAsync(data.Synth.MutationsPath),
            ["models"] = await data.PutAsync(data.Synth.ModelsPath),
            ["genome"] = genomeOut["genome"],
        });

        // Direct: the calls `mutations import`, `mutations select` and `dataset build` make.
        var genomePath = await data.MaterializeAsync(genomeOut["genome"], "genome.hfg");
        var directSet = Path.Combine(data.NewFolder("direct"), "mutations");
        using (var genome = GenomeStore.Open(genomePath))
        {
            var set = MutationImporter.Import(data.Synth.MutationsPath, data.Synth.ModelsPath, genome, new ImportOptions { Classes = ["Lung", "Lymphoid"] }, null, CancellationToken.None);
            MutationSetStore.Save(set, directSet);
        }

        Assert.Equal(PipelineFixture.FolderHashes(directSet), PipelineFixture.FolderHashes(await data.MaterializeAsync(mutationsOut["mutations"], "mutations")));

        var balance = new Dictionary<string, JsonNode> { ["train-lines"] = 3, ["test-lines"] = 1, ["max-per-line"] = 4, ["seed"] = 7 };
        var selectionOut = await data.RunAsync(new SelectCellLinesActivity(), new(balance) { ["mutations"] = mutationsOut["mutations"] });
        var loaded = MutationSetStore.Load(directSet);
        var directSelection = Path.Combine(data.NewFolder("direct"), "selection");
        BalancedSelectionStore.Save(CellLineBalancer.Balance(loaded, SmallBalance, 7), directSelection);
        Assert.Equal(PipelineFixture.FolderHashes(directSelection), PipelineFixture.FolderHashes(await data.MaterializeAsync(selectionOut["selection"], "selection")));

        var fromSelection = await data.RunAsync(new BuildDatasetActivity(), new()
        {
            ["genome"] = genomeOut["genome"], ["mutations"] = mutationsOut["mutations"], ["selection"] = selectionOut["selection"], ["length"] = 1024, ["seed"] = 7,
        });
        var balancedHere = await data.RunAsync(new BuildDatasetActivity(), new(balance)
        {
            ["genome"] = genomeOut["genome"], ["mutations"] = mutationsOut["mutations"], ["length"] = 1024,
        });

        DatasetInfo direct;
        using (var genome = GenomeStore.Open(genomePath))
            direct = DatasetBuilder.Build(genome, CellLineBalancer.Balance(loaded, SmallBalance, 7), loaded.MutationsOf, 1024, 7, Path.Combine(data.NewFolder("direct"), "dataset"), null, new DatasetBuildOptions());
        Assert.Equal(direct.ContentHash, fromSelection["content-hash"].GetValue<string>());
        Assert.Equal(direct.ContentHash, balancedHere["content-hash"].GetValue<string>());
        Assert.Equal(direct.Split("train")!.Sequences, fromSelection["train-sequences"].GetValue<long>());
    }
}
