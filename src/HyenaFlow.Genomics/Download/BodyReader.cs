namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Reads a response body with an inactivity timeout, turning dropped connections and stalls into
/// <see cref="TransientFailure"/>s (retried and resumed) while a caller's cancellation stays a cancellation.
/// </summary>
internal sealed class BodyReader(Stream body, TimeSpan idleTimeout, CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    public long Received { get; private set; }

    public async Task<int> ReadAsync(Memory<byte> buffer)
    {
        idle.CancelAfter(idleTimeout);
        try
        {
            int read = await body.ReadAsync(buffer, idle.Token);
            Received += read;
            return read;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OperationCanceledException e)
        {
            throw new TransientFailure($"no data for {idleTimeout.TotalSeconds:0.###} s after {Received:N0} bytes", inner: e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new TransientFailure($"the connection dropped after {Received:N0} bytes ({e.Message})", inner: e);
        }
    }

    /// <summary>Reads until <paramref name="want"/> bytes sit in <paramref name="buffer"/> from <paramref name="have"/> on, or the body ends or fails.</summary>
    public async Task<(int Have, TransientFailure? Failure)> FillAsync(byte[] buffer, int have, int want)
    {
        try
        {
            int read;
            while (have < want && (read = await ReadAsync(buffer.AsMemory(have, want - have))) > 0)
            {
                have += read;
            }

            return (have, null);
        }
        catch (TransientFailure failure)
        {
            return (have, failure);
        }
    }

    public void Dispose() => idle.Dispose();
}
