using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace HyenaFlow.Genomics.Fasta;

/// <summary>
/// Runs a reader (here: gzip decompression) on its own thread a few megabytes ahead of the consumer, so that
/// decompressing and parsing overlap on two cores instead of adding up on one. A fixed set of buffers circulates
/// between the two threads, so memory stays bounded and nothing is allocated per chunk.
/// </summary>
internal sealed class PrefetchingReader : IDisposable
{
    private const int ChunkSize = 1 << 20;
    private const int Buffers = 4;

    private readonly BlockingCollection<byte[]> free = new();
    private readonly BlockingCollection<Chunk> ready = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task producer;
    private Chunk? current;
    private int offset;
    private bool ended;

    public delegate int SpanReader(Span<byte> destination);

    public PrefetchingReader(SpanReader read, Func<long> sourcePosition)
    {
        for (int i = 0; i < Buffers; i++)
        {
            free.Add(new byte[ChunkSize]);
        }

        producer = Task.Factory.StartNew(() => Produce(read, sourcePosition), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Source position (e.g. compressed bytes read) when the chunk now being consumed was produced.</summary>
    public long SourcePosition { get; private set; }

    public int Read(Span<byte> destination)
    {
        while (current is null || offset == current.Length)
        {
            if (ended)
            {
                return 0;
            }

            if (current is not null)
            {
                free.Add(current.Bytes);
            }

            current = ready.Take();
            offset = 0;
            if (current.Failure is not null)
            {
                ended = true;
                ExceptionDispatchInfo.Capture(current.Failure).Throw();
            }

            SourcePosition = current.Position;
            ended = current.Length == 0;
        }

        int n = Math.Min(destination.Length, current.Length - offset);
        current.Bytes.AsSpan(offset, n).CopyTo(destination);
        offset += n;
        return n;
    }

    public void Dispose()
    {
        stop.Cancel();
        producer.Wait();
        ready.Dispose();
        free.Dispose();
        stop.Dispose();
    }

    private void Produce(SpanReader read, Func<long> sourcePosition)
    {
        try
        {
            while (true)
            {
                byte[] bytes = free.Take(stop.Token);
                Chunk chunk;
                try
                {
                    // Fill whole buffers: gzip hands out ~16 KiB per read, and a thread hand-off per 16 KiB costs more than it saves.
                    int n = 0, got;
                    while (n < bytes.Length && (got = read(bytes.AsSpan(n))) > 0)
                    {
                        n += got;
                    }

                    chunk = new Chunk(bytes, n, sourcePosition(), null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    chunk = new Chunk(bytes, 0, 0, e);
                }

                ready.Add(chunk, stop.Token);
                if (chunk.Length == 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the consumer stopped early (an error in the text, or cancellation)
        }
    }

    private sealed record Chunk(byte[] Bytes, int Length, long Position, Exception? Failure);
}
