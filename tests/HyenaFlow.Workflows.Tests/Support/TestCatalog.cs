using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;

namespace HyenaFlow.Workflows.Tests.Support;

/// <summary>Descriptors shaped like the thesis study's activities; the real ones come from HyenaFlow.Activities.</summary>
public static class TestCatalog
{
    public static ActivityCatalog Create() => new(
    [
        Activity("download-genome", "data", Resources.Cpu,
            [Required("url", DataType.String), Optional("checksum", DataType.String, null)],
            [Output("fasta", DataType.Artifact)]),
        Activity("download-depmap", "data", Resources.Cpu,
            [Required("release", DataType.String), Optional("files", DataType.String.MakeArray(), new JsonArray("OmicsSomaticMutations.csv", "Model.csv"))],
            [Output("mutations", DataType.Artifact), Output("models", DataType.Artifact)]),
        Activity("synth-data", "data", Resources.Cpu,
            [Optional("seed", DataType.Integer, 1), Optional("chromosomes", DataType.Integer, 3)],
            [Output("fasta", DataType.Artifact), Output("mutations", DataType.Artifact), Output("models", DataType.Artifact)]),
        Activity("import-genome", "genome", Resources.Cpu,
            [Required("fasta", DataType.Artifact), Optional("chromosomes", DataType.String, "autosomes")],
            [Output("genome", DataType.Artifact), Output("stats", DataType.Object)]),
        Activity("import-mutations", "genome", Resources.Cpu,
            [Required("mutations", DataType.Artifact), Required("models", DataType.Artifact), Required("genome", DataType.Artifact)],
            [Output("mutations", DataType.Artifact), Output("summary", DataType.Object)]),
        Activity("select-cell-lines", "genome", Resources.Cpu,
            [
                Required("mutations", DataType.Artifact), Required("models", DataType.Artifact),
                Required("lineages", DataType.String.MakeArray()), Optional("per-lineage", DataType.Integer, 30), Optional("seed", DataType.Integer, 1),
            ],
            [Output("selection", DataType.Artifact), Output("count", DataType.Integer)]),
        Activity("build-dataset", "datasets", Resources.Cpu,
            [
                Required("genome", DataType.Artifact), Required("mutations", DataType.Artifact), Required("selection", DataType.Artifact),
                Required("length", DataType.Integer), Optional("windows-per-line", DataType.Integer, 100), Optional("seed", DataType.Integer, 1),
            ],
            [Output("dataset", DataType.Artifact), Output("samples", DataType.Integer)]),
        Activity("pretrain", "model", Resources.Gpu,
            [Required("dataset", DataType.Artifact), Required("length", DataType.Integer), Optional("epochs", DataType.Integer, 1), Optional("seed", DataType.Integer, 1)],
            [Output("checkpoint", DataType.Artifact)]),
        Activity("finetune", "model", Resources.Gpu,
            [
                Required("dataset", DataType.Artifact), Required("length", DataType.Integer), Optional("init", DataType.String, "random"),
                Optional("freeze", DataType.Boolean, false), Optional("epochs", DataType.Integer, 10), Optional("learning-rate", DataType.Number, 0.0006),
                Optional("seed", DataType.Integer, 1), Optional("run-name", DataType.String, null),
            ],
            [Output("model", DataType.Artifact), Output("metrics", DataType.Object)]),
        Activity("evaluate", "model", Resources.Gpu,
            [Required("model", DataType.Artifact), Required("dataset", DataType.Artifact)],
            [Output("metrics", DataType.Object), Output("report", DataType.Artifact)]),
        Activity("embed", "analysis", Resources.Gpu,
            [Required("model", DataType.Artifact), Required("dataset", DataType.Artifact)],
            [Output("embeddings", DataType.Artifact)]),
        Activity("compare", "analysis", Resources.Cpu,
            [Required("metrics", DataType.Object.MakeArray()), Optional("labels", DataType.String.MakeArray(), null), Optional("title", DataType.String, "comparison")],
            [Output("report", DataType.Artifact), Output("table", DataType.Artifact)]),
    ]);

    private static ActivityDescriptor Activity(string name, string category, Resources resources, InputDescriptor[] inputs, OutputDescriptor[] outputs) =>
        new(name, "1", category, $"the {name} stage", inputs, outputs, resources);

    private static InputDescriptor Required(string name, DataType type) => new(name, type, true, null, $"{name} ({type})");

    private static InputDescriptor Optional(string name, DataType type, JsonNode? @default) => new(name, type, false, @default, $"{name} ({type})");

    private static OutputDescriptor Output(string name, DataType type) => new(name, type, $"{name} ({type})");
}
