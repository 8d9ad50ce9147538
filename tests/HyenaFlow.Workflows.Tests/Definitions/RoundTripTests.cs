using System.Text.Json.Nodes;
using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Definitions;
using HyenaFlow.Workflows.Tests.Support;

namespace HyenaFlow.Workflows.Tests.Definitions;

public class RoundTripTests
{
    public static TheoryData<string> SampleNames => new(Samples.All.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Canonical_files_read_and_write_back_byte_for_byte(string name)
    {
        var bytes = File.ReadAllBytes(Samples.PathOf(name));

        var written = WorkflowDefinitionWriter.Write(WorkflowDefinitionReader.ReadFile(Samples.PathOf(name)));

        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetBytes(written));
    }

    [Fact]
    public void Non_canonical_text_is_normalised_once_and_then_stable()
    {
        const string messy = "{\"stages\":[{\"with\":{\"n\":1.50,\"text\":\"caf\\u00e9 \\\"q\\\"\"},\"uses\":\"synth-data@1\",\"id\":\"s\",\"needs\":[]}],\r\n\"version\":2,\"id\":\"w\"}";

        var once = WorkflowDefinitionWriter.Write(WorkflowDefinitionReader.Parse(messy));
        var twice = WorkflowDefinitionWriter.Write(WorkflowDefinitionReader.Parse(once));

        Assert.Equal(once, twice);
        Assert.Equal(
            "{\n  \"id\": \"w\",\n  \"version\": 2,\n  \"stages\": [\n    {\n      \"id\": \"s\",\n      \"uses\": \"synth-data@1\",\n" +
            "      \"with\": {\n        \"n\": 1.50,\n        \"text\": \"café \\\"q\\\"\"\n      }\n    }\n  ]\n}\n",
            once);
    }

    [Fact]
    public void A_definition_built_in_code_writes_in_schema_order_and_reads_back_equal()
    {
        var definition = new WorkflowDefinition(
            "built", 1, "made in code",
            [new ParameterDefinition("seed", DataType.Integer, JsonValue.Create(1), null)],
            [
                new StageDefinition("synth", "synth-data@1", [new StageInput("seed", JsonValue.Create("${{ parameters.seed }}"))], [], null,
                    new RetryPolicy(3, Backoff.Fixed, Duration.Parse("10s"), null), Resources.Cpu, Duration.Parse("5m")),
            ]);

        var text = WorkflowDefinitionWriter.Write(definition);
        var back = WorkflowDefinitionReader.Parse(text);

        Assert.Empty(back.ReadProblems);
        Assert.Equal(text, WorkflowDefinitionWriter.Write(back));
        Assert.Equal(["id", "version", "description", "parameters", "stages"], JsonNode.Parse(text)!.AsObject().Select(p => p.Key));
        Assert.Contains("\"retry\": {\n        \"attempts\": 3,\n        \"backoff\": \"fixed\",\n        \"delay\": \"10s\"\n      },\n      \"resources\": \"cpu\",\n      \"timeout\": \"5m\"", text);
    }

    [Fact]
    public void WriteFile_replaces_the_file_atomically_and_leaves_no_temporary_behind()
    {
        var folder = Directory.CreateTempSubdirectory("hyenaflow-workflows-");
        try
        {
            var path = Path.Combine(folder.FullName, "w.json");
            File.WriteAllText(path, "old");

            WorkflowDefinitionWriter.WriteFile(WorkflowDefinitionReader.ReadFile(Samples.PathOf("minimal.json")), path);

            Assert.Equal(Samples.Text("minimal.json"), File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
