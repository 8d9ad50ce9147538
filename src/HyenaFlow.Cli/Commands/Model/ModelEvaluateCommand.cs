using System.Globalization;
using HyenaFlow.Cli.CommandLine;
using HyenaFlow.Engine;
using HyenaFlow.Engine.Evaluation;

namespace HyenaFlow.Cli.Commands.Model;

public sealed class ModelEvaluateCommand : CliCommand
{
    public override string Name => "model evaluate";

    public override string Summary => "Loss, accuracy, AUROC, confusion matrix and per-cell-line majority vote of a classifier on a dataset split.";

    public override IReadOnlyList<OptionSpec> Options => ModelOptions.Inference("Classifier weights (best.weights, .hfck or a published checkpoint).");

    public override Task<int> RunAsync(ParsedArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var (data, model) = ModelOptions.OpenForInference(args, context);
        using var dataset = data;
        using var classifier = model;
        EvaluationReport report = Evaluator.Evaluate(model, data, args.GetInt32("batch", 8), TorchSettings.SelectDevice(args.Require("device")), cancellationToken);
        var output = context.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sequences {report.Sequences:N0}  loss {report.Loss:F4}  accuracy {report.Accuracy:F4}  auroc {report.Auroc:F4}"));
        output.WriteLine("confusion (rows: actual, columns: predicted)");
        for (int actual = 0; actual < report.Confusion.GetLength(0); actual++)
        {
            var cells = Enumerable.Range(0, report.Confusion.GetLength(1)).Select(p => report.Confusion[actual, p].ToString("N0", CultureInfo.InvariantCulture).PadLeft(8));
            output.WriteLine($"  {data.Info.Classes[actual],-12}{string.Concat(cells)}");
        }

        if (report.CellLines.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cell lines by majority vote: {report.CellLines.Count(c => c.Correct)}/{report.CellLines.Count} correct ({report.CellLineAccuracy:F4})"));
        }

        return Task.FromResult(CliApplication.Ok);
    }
}
