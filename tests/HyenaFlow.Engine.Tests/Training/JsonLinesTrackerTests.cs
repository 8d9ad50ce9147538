using System.Text.Json;
using HyenaFlow.Engine.Tests.Support;
using HyenaFlow.Engine.Tracking;

namespace HyenaFlow.Engine.Tests.Training;

public class JsonLinesTrackerTests
{
    [Fact]
    public void WritesOneJsonObjectPerCallAndAppendsOnReopen()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "runs", "metrics.jsonl");
        using (var tracker = new JsonLinesTracker(path))
        {
            tracker.LogParams(new Dictionary<string, string> { ["lr"] = "0.0006" });
            tracker.LogMetric("train/loss", 0.5, 3);
            tracker.SetTag("arm", "frozen");
        }
        using (var tracker = new JsonLinesTracker(path)) tracker.LogMetric("test/auroc", double.NaN, 4);

        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("0.0006", lines[0].GetProperty("params").GetProperty("lr").GetString());
        Assert.Equal("train/loss", lines[1].GetProperty("key").GetString());
        Assert.Equal(0.5, lines[1].GetProperty("value").GetDouble());
        Assert.Equal(3, lines[1].GetProperty("step").GetInt64());
        Assert.Equal("frozen", lines[2].GetProperty("value").GetString());
        Assert.Equal("NaN", lines[3].GetProperty("value").GetString());
    }
}
