using Npgsql;

namespace HyenaFlow.Workflows.Runtime.State;

public enum DatabaseProvider
{
    /// <summary>One file on one machine; one process runs it at a time.</summary>
    Sqlite,

    /// <summary>A server that several machines share; any number of workers run it as a Quartz cluster.</summary>
    PostgreSql,
}

/// <summary>
/// What <c>HYENAFLOW_DB</c> says: a SQLite file path (the default), or a PostgreSQL server, written either as a URI
/// (<c>postgres://user:password@host:5432/hyenaflow?sslmode=require</c>) or as an Npgsql connection string
/// (<c>Host=db;Database=hyenaflow;Username=…;Password=…</c>).
/// </summary>
public sealed record DatabaseSetting(DatabaseProvider Provider, string ConnectionString, string Display)
{
    public const string Variable = "HYENAFLOW_DB";

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? FilePath { get; private init; }

    public static DatabaseSetting Parse(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromUri(text);
        if (LooksLikeConnectionString(text))
            return FromConnectionString(text);
        var path = Path.GetFullPath(text);
        return new DatabaseSetting(DatabaseProvider.Sqlite, path, path) { FilePath = path };
    }

    private static bool LooksLikeConnectionString(string text) =>
        text.Contains('=', StringComparison.Ordinal)
        && text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(part => part.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || part.StartsWith("Server=", StringComparison.OrdinalIgnoreCase));

    private static DatabaseSetting FromConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{Variable}: not a valid PostgreSQL connection string ({e.Message}); expected Host=…;Database=…;Username=…;Password=…", e);
        }

        return Create(builder);
    }

    private static DatabaseSetting FromUri(string text)
    {
        const string expected = "expected postgres://user:password@host:port/database";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"{Variable}: '{Redact(text)}' is not a URI; {expected}");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"{Variable}: '{Redact(text)}' names no database (or more than one path segment); {expected}");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{Variable}: query option '{key}' is not an Npgsql connection option ({e.Message})", e);
            }
        }

        return Create(builder);
    }

    private static DatabaseSetting Create(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Host))
            throw new ArgumentException($"{Variable}: the PostgreSQL connection names no host");
        if (string.IsNullOrEmpty(builder.Database))
            throw new ArgumentException($"{Variable}: the PostgreSQL connection names no database");
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return new DatabaseSetting(DatabaseProvider.PostgreSql, builder.ConnectionString, $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>A URI for an error message, its password left out.</summary>
    private static string Redact(string text)
    {
        var at = text.LastIndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? text[..(scheme + 3)] + "…" + text[at..] : text;
    }
}
