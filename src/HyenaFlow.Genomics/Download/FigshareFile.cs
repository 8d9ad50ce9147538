namespace HyenaFlow.Genomics.Download;

/// <summary>One file of a Figshare article as the API lists it; <see cref="Md5"/> is Figshare's computed md5 when known.</summary>
public sealed record FigshareFile(long Id, string Name, long Size, Uri DownloadUrl, string? Md5);
