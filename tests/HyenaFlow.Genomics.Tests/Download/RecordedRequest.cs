namespace HyenaFlow.Genomics.Tests.Download;

/// <summary>A request as the <see cref="LocalHttpServer"/> received it; header names are lower case.</summary>
public sealed record RecordedRequest(string Method, string Path, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string? Range => Headers.GetValueOrDefault("range");
}
