namespace HyenaFlow.Server.Tests.Support;

/// <summary>Small definitions over echo@1, written by hand (not in the writer's canonical style) so that a
/// byte-identical round trip proves the server stores what it was sent.</summary>
public static class Definitions
{
    public static string TwoStages(string id = "hello", string text = "hi") => $$$"""
        {
          "id": "{{{id}}}",
          "version": 1,
          "description": "two echoes",
          "parameters": { "times": { "type": "integer", "default": 2 } },
          "stages": [
            { "id": "first", "uses": "echo@1", "with": { "text": "{{{text}}}", "times": "${{ parameters.times }}" } },
            { "id": "second", "uses": "echo@1", "with": { "text": "${{ stages.first.outputs.text }}" } }
          ]
        }
        """;
}
