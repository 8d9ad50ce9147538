using HyenaFlow.Engine.Evaluation;

namespace HyenaFlow.Engine.Tests.Evaluation;

public class ClassificationMetricsTests
{
    [Fact]
    public void AurocCountsTiesAsHalf()
    {
        // Positives score 0.4 and 0.8; negatives 0.1, 0.35, 0.4. Pairs won: 0.4 beats 0.1 and 0.35 and
        // ties 0.4 (½) → 2.5; 0.8 beats all three → 3. AUROC = 5.5 / (2 · 3).
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.4];
        bool[] positive = [false, true, false, true, false];
        Assert.Equal(5.5 / 6, ClassificationMetrics.Auroc(scores, positive), 12);
    }

    [Fact]
    public void AurocIsOneHalfWhenEveryScoreTiesAndUndefinedWithOneClass()
    {
        Assert.Equal(0.5, ClassificationMetrics.Auroc([0.3, 0.3, 0.3, 0.3], [true, false, true, false]));
        Assert.Equal(1.0, ClassificationMetrics.Auroc([0.1, 0.2, 0.9], [false, false, true]));
        Assert.Equal(0.0, ClassificationMetrics.Auroc([0.9, 0.2, 0.1], [false, false, true]));
        Assert.True(double.IsNaN(ClassificationMetrics.Auroc([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void ConfusionMatrixAndAccuracy()
    {
        int[] predicted = [0, 1, 0, 1, 1];
        int[] actual = [0, 1, 1, 1, 0];
        var confusion = ClassificationMetrics.ConfusionMatrix(predicted, actual, 2);
        Assert.Equal(new long[,] { { 1, 1 }, { 1, 2 } }, confusion); // [actual, predicted]
        Assert.Equal(0.6, ClassificationMetrics.Accuracy(predicted, actual), 12);
    }

    [Fact]
    public void MajorityVotePerCellLineBreaksTiesByProbability()
    {
        string?[] lines = ["X", "X", "X", "Y", "Y", "Z", null];
        int[] actual = [1, 1, 1, 0, 0, 0, 1];
        int[] predicted = [1, 1, 0, 0, 1, 1, 1];
        double[][] probabilities = [[0.2, 0.8], [0.3, 0.7], [0.6, 0.4], [0.9, 0.1], [0.45, 0.55], [0.4, 0.6], [0, 1]];

        var votes = CellLineVote.Tally(lines, predicted, actual, probabilities, 2);

        Assert.Equal(["X", "Y", "Z"], votes.Select(v => v.CellLine));
        Assert.Equal((1, 1, true), (votes[0].Label, votes[0].Predicted, votes[0].Correct));       // 2 of 3 say 1
        Assert.Equal([1L, 2L], votes[0].Votes); // votes per class
        Assert.Equal((0, 0, true), (votes[1].Label, votes[1].Predicted, votes[1].Correct));       // 1–1: mass 1.35 vs 0.65
        Assert.Equal((0, 1, false), (votes[2].Label, votes[2].Predicted, votes[2].Correct));
        var report = new EvaluationReport(7, 0.1, 0.5, 0.5, new long[2, 2], votes);
        Assert.Equal(2 / 3.0, report.CellLineAccuracy, 12);
        Assert.Equal(2 / 3.0, report.AsMetrics("test/")["test/cell_line_accuracy"], 12);
    }
}
