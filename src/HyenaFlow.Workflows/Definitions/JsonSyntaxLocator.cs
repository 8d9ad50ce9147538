using System.Text;
using System.Text.Json;

namespace HyenaFlow.Workflows.Definitions;

/// <summary>Turns a System.Text.Json syntax error into file:line:column and the JSON path reached, by re-reading
/// the text token by token (JsonDocument's own exception carries no path).</summary>
internal static class JsonSyntaxLocator
{
    public static WorkflowFormatException Describe(byte[] utf8, string? file, JsonReaderOptions options)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            while (reader.Read())
                Track(ref reader, frames);
            return new WorkflowFormatException(file, 1, 1, JsonPaths.Root, "unreadable JSON");
        }
        catch (JsonException error)
        {
            var line = (error.LineNumber ?? 0) + 1;
            var column = ColumnOf(utf8, error.LineNumber ?? 0, error.BytePositionInLine ?? 0);
            return new WorkflowFormatException(file, line, column, PathOf(frames), ProblemOf(error.Message), error);
        }
    }

    private static void Track(ref Utf8JsonReader reader, List<Frame> frames)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                frames[^1].Property = reader.GetString();
                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                frames.RemoveAt(frames.Count - 1);
                return;
        }

        if (frames.Count > 0 && frames[^1].IsArray)
            frames[^1].Index++;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = JsonPaths.Root;
        foreach (var frame in frames)
        {
            if (frame.IsArray && frame.Index >= 0)
                path = JsonPaths.Index(path, frame.Index);
            else if (!frame.IsArray && frame.Property is not null)
                path = JsonPaths.Property(path, frame.Property);
        }

        return path;
    }

    private static long ColumnOf(byte[] utf8, long lineIndex, long bytesIntoLine)
    {
        var start = 0;
        for (long line = 0; line < lineIndex && start < utf8.Length; line++)
        {
            var next = Array.IndexOf(utf8, (byte)'\n', start);
            if (next < 0)
                break;
            start = next + 1;
        }

        var length = (int)Math.Min(bytesIntoLine, utf8.Length - start);
        return Encoding.UTF8.GetCharCount(utf8, start, length) + 1;
    }

    // System.Text.Json appends its own "Path: … | LineNumber: … | BytePositionInLine: …"; we report those ourselves.
    private static string ProblemOf(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
                message = message[..at];
        }

        return message.Trim();
    }

    private sealed class Frame
    {
        public bool IsArray { get; init; }

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
