namespace HyenaFlow.Genomics;

/// <summary>
/// Bad input data. The message always names the file and, where known, the line, so that a user
/// can open the file at the right place.
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string file, long? line, string problem, Exception? inner = null)
        : base(Describe(file, line, problem), inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string File { get; }

    public long? Line { get; }

    public string Problem { get; }

    private static string Describe(string file, long? line, string problem) =>
        line is { } l ? $"{file}:{l}: {problem}" : $"{file}: {problem}";
}
