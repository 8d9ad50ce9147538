namespace HyenaFlow.Genomics.Download;

/// <summary>
/// What the bytes of a download must look like. Checked on the first bytes, so that an HTML error or
/// verification page served with status 200 is caught before it is mistaken for data.
/// </summary>
public enum ExpectedContent
{
    /// <summary>No check at all.</summary>
    Any,

    /// <summary>Anything except an HTML page.</summary>
    Data,

    /// <summary>Gzip (or BGZF) compressed data: starts with the magic bytes 1f 8b.</summary>
    Gzip,

    /// <summary>A FASTA file, plain (starts with '&gt;') or gzip compressed.</summary>
    FastaOrGzip,

    /// <summary>Comma-separated text: not HTML, not binary.</summary>
    Csv,

    /// <summary>Plain text such as a checksum listing: not HTML, not binary.</summary>
    Text,

    /// <summary>A JSON document.</summary>
    Json,
}
