using HyenaFlow.Tracking.FileStore;
using HyenaFlow.Tracking.Tests.Support;

namespace HyenaFlow.Tracking.Tests;

public sealed class MetaYamlTests
{
    public static TheoryData<string> AwkwardNames => new()
    {
        "plain name", "", "yes", "NULL", "~", "12", "1e3", "0x1F", "12:30", "2024-01-01", "-lead", ".hidden", "#hash", "a: b", "a #b",
        "trailing ", " leading", "it's", "\"dq\"", "tab\there", "line\nbreak", "ünïcødé", "[list]", "{map}", "*star", "&amp", "!bang", "%pct", "@at", "`tick",
    };

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public void Values_round_trip_through_our_reader_and_PyYAML(string name)
    {
        using var temp = new TempDirectory("yaml");
        var path = temp.File("meta.yaml");
        File.WriteAllText(path, MetaYaml.Write(new Dictionary<string, object?> { ["name"] = name, ["status"] = 4, ["end_time"] = null, ["tags"] = MetaYaml.EmptyList }));

        Assert.Equal(name, MetaYaml.Read(path)["name"]);
        if (PyYaml.Available)
        {
            var parsed = PyYaml.Load(path);
            Assert.Equal(name, parsed.GetProperty("name").GetString());
            Assert.Equal(4, parsed.GetProperty("status").GetInt32());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, parsed.GetProperty("end_time").ValueKind);
        }
    }
}
