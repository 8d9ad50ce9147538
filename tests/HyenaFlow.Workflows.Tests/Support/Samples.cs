namespace HyenaFlow.Workflows.Tests.Support;

/// <summary>The sample definitions under Samples/, copied beside the test assembly.</summary>
public static class Samples
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static IEnumerable<string> All => System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal);

    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "schema.json");
}
