namespace HyenaFlow.Genomics.Download;

/// <summary>
/// A finished download. <see cref="VerifiedChecksum"/> is e.g. <c>md5 675210d1…</c>, or null when the
/// source publishes none; <see cref="Requests"/> counts HTTP requests including retries and resumes.
/// </summary>
public sealed record DownloadResult(string Path, long Bytes, string? VerifiedChecksum, int Requests, bool AlreadyPresent);
