namespace HyenaFlow.Storage.Manifests;

/// <summary>One file of a stored directory: its '/'-separated path relative to the directory, digest and length.</summary>
public sealed record ManifestEntry(string Path, string Digest, long Length);
