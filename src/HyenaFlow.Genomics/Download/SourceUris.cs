namespace HyenaFlow.Genomics.Download;

/// <summary>Small helpers for the base URLs that tests and mirrors override.</summary>
public static class SourceUris
{
    /// <summary>An absolute http(s) URL, as opposed to a source or release name.</summary>
    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A base URL with a trailing slash, so that relative names resolve inside it rather than beside it.</summary>
    public static Uri Folder(string url)
    {
        if (!IsHttpUrl(url))
        {
            throw new ArgumentException($"'{url}' is not an http(s) URL.", nameof(url));
        }

        return new Uri(url.EndsWith('/') ? url : url + "/");
    }

    /// <summary>The environment variable's URL when it is set, otherwise <paramref name="fallback"/>.</summary>
    public static Uri FromEnvironment(string variable, Uri fallback, Func<string, string?>? read = null)
    {
        string? value = (read ?? Environment.GetEnvironmentVariable)(variable);
        return string.IsNullOrWhiteSpace(value) ? fallback : Folder(value.Trim());
    }

    /// <summary>The last path segment, decoded: the file name a URL offers.</summary>
    public static string FileName(Uri url)
    {
        string name = Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"{url}: the URL names no file to save as.");
        }

        return name;
    }
}
