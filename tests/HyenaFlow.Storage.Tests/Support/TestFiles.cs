namespace HyenaFlow.Storage.Tests.Support;

/// <summary>Deterministic test content.</summary>
public static class TestFiles
{
    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Write(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A small directory tree with nested folders, an empty file and a duplicated file.</summary>
    public static string WriteTree(string root)
    {
        Write(Path.Combine(root, "a.txt"), "alpha\n"u8.ToArray());
        Write(Path.Combine(root, "empty.bin"), []);
        Write(Path.Combine(root, "sub", "b.bin"), Bytes(70_000, 1));
        Write(Path.Combine(root, "sub", "deeper", "c.bin"), Bytes(1234, 2));
        Write(Path.Combine(root, "sub", "copy-of-a.txt"), "alpha\n"u8.ToArray());
        return root;
    }

    /// <summary>Relative path → content of every file under <paramref name="root"/>.</summary>
    public static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
