using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HyenaFlow.Genomics.Tests.Download;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 (a free port), speaking real HTTP over sockets: GET with
/// single byte ranges (<c>bytes=N-</c>, <c>bytes=N-M</c>), 206/416 with Content-Range, redirects,
/// and scripted faults (status codes with Retry-After, connections dropped or stalled mid-body).
/// One request per connection (<c>Connection: close</c>), which keeps the parsing trivial.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, ServedResource> resources = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;

    public LocalHttpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public Uri Url(string path) => new(BaseUri, path.TrimStart('/'));

    public ServedResource Serve(string path, byte[] body, string contentType = "application/octet-stream") =>
        resources[Normalise(path)] = new ServedResource(body, contentType);

    public ServedResource Serve(string path, string text, string contentType = "text/plain; charset=utf-8") =>
        Serve(path, Encoding.UTF8.GetBytes(text), contentType);

    public ServedResource Redirect(string path, string target) =>
        resources[Normalise(path)] = new ServedResource([], "text/plain") { RedirectTo = target };

    public IReadOnlyList<RecordedRequest> RequestsFor(string path) => [.. requests.Where(r => r.Path == Normalise(path))];

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await acceptLoop;
        stopping.Dispose();
    }

    private static string Normalise(string path) => "/" + path.TrimStart('/');

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                RecordedRequest? request = await ReadRequestAsync(stream);
                if (request is not null)
                {
                    requests.Enqueue(request);
                    await RespondAsync(stream, request);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (as the downloader does on a timeout or cancellation).
            }
        }
    }

    private async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (head.Count > 64 * 1024 || await stream.ReadAsync(one, stopping.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        string target = requestLine[1];
        string path = Uri.UnescapeDataString(target.Split('?')[0]);
        return new RecordedRequest(requestLine[0], path, target, headers);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private async Task RespondAsync(NetworkStream stream, RecordedRequest request)
    {
        if (!resources.TryGetValue(request.Path, out ServedResource? resource))
        {
            await WriteAsync(stream, 404, "text/plain", "no such file"u8.ToArray());
            return;
        }

        ServedResource.Fault? fault = resource.NextFault();
        if (fault is { Kind: ServedResource.FaultKind.Status })
        {
            string? retryAfter = fault.RetryAfterSeconds?.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(stream, fault.Value, "text/plain", Encoding.ASCII.GetBytes($"status {fault.Value}"), retryAfter is null ? [] : [("Retry-After", retryAfter)]);
            return;
        }

        if (resource.RedirectTo is { } target)
        {
            await WriteAsync(stream, 302, "text/plain", [], [("Location", new Uri(BaseUri, target.TrimStart('/')).ToString())]);
            return;
        }

        byte[] body = resource.Body;
        int status = 200;
        int start = 0;
        int end = body.Length - 1;
        var extra = new List<(string, string)> { ("Accept-Ranges", resource.HonourRange ? "bytes" : "none") };
        if (resource.HonourRange && ParseRange(request.Range) is var (from, to))
        {
            if (from >= body.Length)
            {
                await WriteAsync(stream, 416, "text/plain", [], [("Content-Range", $"bytes */{body.Length}")]);
                return;
            }

            status = 206;
            start = (int)from;
            end = (int)Math.Min(to ?? body.Length - 1, body.Length - 1);
            extra.Add(("Content-Range", $"bytes {start + resource.ContentRangeError}-{end}/{body.Length}"));
        }

        byte[] slice = body[start..(end + 1)];
        int limit = fault is null ? slice.Length : Math.Min(fault.Value, slice.Length);
        await WriteAsync(stream, status, resource.ContentType, slice, extra, limit);
        if (fault is { Kind: ServedResource.FaultKind.Stall })
        {
            await Task.Delay(TimeSpan.FromSeconds(30), stopping.Token);
        }
    }

    private static (long From, long? To)? ParseRange(string? header)
    {
        if (header is null || !header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(','))
        {
            return null;
        }

        string[] parts = header["bytes=".Length..].Split('-');
        if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out long from))
        {
            return null;
        }

        return (from, long.TryParse(parts[1], CultureInfo.InvariantCulture, out long to) ? to : null);
    }

    private async Task WriteAsync(NetworkStream stream, int status, string contentType, byte[] body, IEnumerable<(string Name, string Value)>? extra = null, int? sendOnly = null)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        foreach (var (name, value) in extra ?? [])
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stopping.Token);
        await stream.WriteAsync(body.AsMemory(0, sendOnly ?? body.Length), stopping.Token);
        await stream.FlushAsync(stopping.Token);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        206 => "Partial Content",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        416 => "Range Not Satisfiable",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
