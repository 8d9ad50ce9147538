namespace HyenaFlow.Genomics.Tests.Download;

/// <summary>
/// A file the <see cref="LocalHttpServer"/> serves, with a script of faults consumed one per request
/// (in order) before it answers normally again.
/// </summary>
public sealed class ServedResource(byte[] body, string contentType)
{
    private readonly Queue<Fault> faults = new();
    private readonly Lock gate = new();

    public byte[] Body { get; set; } = body;

    public string ContentType { get; set; } = contentType;

    /// <summary>False: answer every request with 200 and the whole file, as servers without range support do.</summary>
    public bool HonourRange { get; set; } = true;

    /// <summary>Added to the start of every Content-Range the server sends: a server that resumes at the wrong byte.</summary>
    public long ContentRangeError { get; set; }

    /// <summary>Answer with 302 to this path instead of the body (as Figshare's download links do).</summary>
    public string? RedirectTo { get; set; }

    public ServedResource FailWith(int status, int? retryAfterSeconds = null, int times = 1)
    {
        lock (gate)
        {
            for (int i = 0; i < times; i++)
            {
                faults.Enqueue(new Fault(FaultKind.Status, status, retryAfterSeconds));
            }
        }

        return this;
    }

    /// <summary>Send the headers and this many body bytes, then close the connection.</summary>
    public ServedResource DropAfter(int bytes)
    {
        lock (gate)
        {
            faults.Enqueue(new Fault(FaultKind.Drop, bytes, null));
        }

        return this;
    }

    /// <summary>Send the headers and this many body bytes, then go silent with the connection open.</summary>
    public ServedResource StallAfter(int bytes)
    {
        lock (gate)
        {
            faults.Enqueue(new Fault(FaultKind.Stall, bytes, null));
        }

        return this;
    }

    internal Fault? NextFault()
    {
        lock (gate)
        {
            return faults.TryDequeue(out Fault? fault) ? fault : null;
        }
    }

    internal enum FaultKind
    {
        Status,
        Drop,
        Stall,
    }

    internal sealed record Fault(FaultKind Kind, int Value, int? RetryAfterSeconds);
}
