using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace HyenaFlow.Genomics.Download;

/// <summary>
/// Fetches large files over HTTP(S) the way a flaky network and a strict portal demand: bytes go to
/// <c>&lt;file&gt;.part</c>, a dropped or stalled transfer resumes with <c>Range</c>, 5xx/408/429 and
/// connection failures are retried with jittered exponential back-off (honouring Retry-After), an HTML
/// page where data was expected fails at once, and the final name appears only after the published
/// checksum matched. One <see cref="HttpClient"/> per downloader.
/// </summary>
public sealed class HttpDownloader : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int MaxTextBytes = 64 << 20;

    private readonly HttpClient client;
    private readonly Random jitter;
    private readonly Lock jitterGate = new();

    public HttpDownloader(DownloadOptions? options = null)
    {
        Options = options ?? new DownloadOptions();
        client = CreateClient(Options);
        jitter = Options.JitterSeed is { } seed ? new Random(seed) : new Random();
    }

    public DownloadOptions Options { get; }

    /// <summary>
    /// Downloads <paramref name="request"/>, resuming an existing <c>.part</c>. An existing final file that
    /// already matches the expected checksum is kept as it is.
    /// </summary>
    public async Task<DownloadResult> DownloadAsync(DownloadRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        string final = Path.GetFullPath(request.Destination);
        string part = request.PartialPath;
        string label = Path.GetFileName(final);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);

        if (request.Checksum is { } known && File.Exists(final)
            && await ComputeAsync(known, final, label, progress, cancellationToken) == known.Value)
        {
            return new DownloadResult(final, new FileInfo(final).Length, known.ToString(), Requests: 0, AlreadyPresent: true);
        }

        var (_, requests) = await RetryAsync(
            request.Url,
            token => TransferAsync(request, part, label, progress, token),
            () => LengthOf(part),
            cancellationToken);

        string? verified = null;
        if (request.Checksum is { } checksum)
        {
            string actual = await ComputeAsync(checksum, part, label, progress, cancellationToken);
            if (actual != checksum.Value)
            {
                File.Delete(part);
                throw new DownloadException(
                    request.Url,
                    $"{request.Url}: {checksum.Algorithm} mismatch for {label}: the source publishes {checksum.Value} but the downloaded bytes give {actual}. "
                    + "The partial file was deleted; the transfer was corrupted or the source changed — run again to download afresh.");
            }

            verified = checksum.ToString();
        }

        long bytes = LengthOf(part);
        File.Move(part, final, overwrite: true);
        return new DownloadResult(final, bytes, verified, requests, AlreadyPresent: false);
    }

    /// <summary>A small text resource (checksum listing, API JSON), with the same retries and HTML detection.</summary>
    public async Task<string> GetTextAsync(Uri url, ExpectedContent expected = ExpectedContent.Text, string htmlHint = DownloadRequest.DefaultHtmlHint, CancellationToken cancellationToken = default)
    {
        var (text, _) = await RetryAsync(url, token => FetchTextAsync(url, expected, htmlHint, token), () => 0, cancellationToken);
        return text;
    }

    public void Dispose() => client.Dispose();

    private static HttpClient CreateClient(DownloadOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            // The bytes on disk must be the bytes the checksum was computed over.
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        // Whole transfers take minutes; the per-phase timeouts in the options bound each wait instead.
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return client;
    }

    private async Task<bool> TransferAsync(DownloadRequest request, string part, string label, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        long offset = LengthOf(part);
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        if (offset > 0)
        {
            message.Headers.Range = new RangeHeaderValue(offset, null);
        }

        using HttpResponseMessage response = await SendAsync(request.Url, message, cancellationToken);
        HttpContentHeaders headers = response.Content.Headers;
        long? total;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when offset > 0:
                if (headers.ContentRange is not { From: { } from } range || from != offset)
                {
                    File.Delete(part);
                    throw new TransientFailure(
                        $"asked to resume at byte {offset:N0} but the server sent range '{headers.ContentRange}'; starting again from zero",
                        retryAfter: TimeSpan.Zero);
                }

                total = range.Length ?? offset + headers.ContentLength;
                break;
            case HttpStatusCode.OK:
                offset = 0; // a full answer to a Range request: the server cannot resume, so start over
                total = headers.ContentLength;
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable when offset > 0:
                if (headers.ContentRange?.Length == offset)
                {
                    return true; // the .part is already complete
                }

                File.Delete(part);
                throw new TransientFailure($"the partial file ({offset:N0} bytes) does not fit the server's file; starting again from zero", retryAfter: TimeSpan.Zero);
            default:
                throw StatusFailure(request.Url, response);
        }

        string? mediaType = headers.ContentType?.MediaType;
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new BodyReader(body, Options.IdleTimeout, cancellationToken);
        byte[] buffer = new byte[BufferSize];
        int have = 0;
        TransientFailure? pending = null;
        if (offset == 0 || mediaType == "text/html")
        {
            // Nothing touches the disk before the first bytes proved to be data.
            (have, pending) = await reader.FillAsync(buffer, 0, ContentSniffer.HeadBytes);
            if (pending is null || have > 0)
            {
                bool html = ContentSniffer.LooksLikeHtml(buffer.AsSpan(0, have), mediaType);
                if (html)
                {
                    (have, _) = await reader.FillAsync(buffer, have, ContentSniffer.HtmlBytes);
                }

                // Mid-file bytes of a resumed transfer have no recognisable start; only an HTML page is refused there.
                if (offset == 0 || html)
                {
                    ContentSniffer.Check(request.Url, request.Content, request.HtmlHint, buffer.AsSpan(0, have), mediaType);
                }
            }
        }

        long done = offset;
        await using (var file = new FileStream(part, offset == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
        {
            progress?.Report(new ProgressReport(label, done, total ?? 0, "B"));
            int read = have;
            do
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                done += read;
                progress?.Report(new ProgressReport(label, done, total ?? 0, "B"));
                if (pending is not null)
                {
                    throw pending;
                }
            }
            while ((read = await reader.ReadAsync(buffer)) > 0);
        }

        if (total is { } expected && done < expected)
        {
            throw new TransientFailure($"the connection closed after {done:N0} of {expected:N0} bytes");
        }

        return true;
    }

    private async Task<string> FetchTextAsync(Uri url, ExpectedContent expected, string htmlHint, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        using HttpResponseMessage response = await SendAsync(url, message, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw StatusFailure(url, response);
        }

        long? total = response.Content.Headers.ContentLength;
        if (total > MaxTextBytes)
        {
            throw new DownloadException(url, $"{url}: {total:N0} bytes is too large for a listing (at most {MaxTextBytes:N0}).");
        }

        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new BodyReader(body, Options.IdleTimeout, cancellationToken);
        using var memory = new MemoryStream();
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > MaxTextBytes)
            {
                throw new DownloadException(url, $"{url}: the response exceeds {MaxTextBytes:N0} bytes, too large for a listing.");
            }
        }

        if (total is { } expectedLength && memory.Length < expectedLength)
        {
            throw new TransientFailure($"the connection closed after {memory.Length:N0} of {expectedLength:N0} bytes");
        }

        ReadOnlySpan<byte> bytes = memory.GetBuffer().AsSpan(0, (int)memory.Length);
        ContentSniffer.Check(url, expected, htmlHint, bytes, response.Content.Headers.ContentType?.MediaType);
        return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.ResponseTimeout);
        try
        {
            return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OperationCanceledException e)
        {
            throw new TransientFailure($"no response within {Options.ResponseTimeout.TotalSeconds:0.###} s", inner: e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.SecureConnectionError or HttpRequestError.UserAuthenticationError or HttpRequestError.ConfigurationLimitExceeded)
        {
            throw new DownloadException(url, $"{url}: {e.Message}", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new TransientFailure($"request failed ({e.Message})", inner: e);
        }
    }

    private Exception StatusFailure(Uri url, HttpResponseMessage response)
    {
        int code = (int)response.StatusCode;
        string status = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        if (code >= 500 || code is 408 or 429)
        {
            return new TransientFailure($"the server answered {status}", code, RetryAfter(response));
        }

        string advice = code switch
        {
            404 or 410 => " — the file is not there; check the URL, release or source",
            401 or 403 => " — access refused; the portal may require a login or human verification",
            _ when code < 400 => " where a file was expected",
            _ => "",
        };
        return new DownloadException(url, $"{url}: the server answered {status}{advice}.", code);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, Options.MaxRetryAfter.Ticks)) : null;
    }

    private async Task<(T Value, int Requests)> RetryAsync<T>(Uri url, Func<CancellationToken, Task<T>> attempt, Func<long> progressMark, CancellationToken cancellationToken)
    {
        int requests = 0;
        int fruitless = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long before = progressMark();
            requests++;
            try
            {
                return (await attempt(cancellationToken), requests);
            }
            catch (TransientFailure failure)
            {
                // Only attempts that add nothing count against the limit: a flaky link still finishes a big file.
                fruitless = progressMark() > before ? 1 : fruitless + 1;
                if (fruitless >= Options.MaxAttempts)
                {
                    throw new DownloadException(url, $"{url}: giving up after {requests} request(s), the last {fruitless} without progress: {failure.Message}.", failure.StatusCode, failure);
                }

                TimeSpan delay = failure.RetryAfter ?? Backoff(fruitless);
                Options.OnRetry?.Invoke($"{url}: {failure.Message}; retrying in {delay.TotalSeconds:0.0} s (request {requests + 1}).");
                await Options.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>Exponential in the number of fruitless attempts, capped, times a jitter in [0.5, 1) so clients do not retry in lock-step.</summary>
    private TimeSpan Backoff(int fruitless)
    {
        double exponential = Options.BaseDelay.TotalMilliseconds * Math.Pow(2, fruitless - 1);
        double capped = Math.Min(exponential, Options.MaxDelay.TotalMilliseconds);
        double factor;
        lock (jitterGate)
        {
            factor = 0.5 + (0.5 * jitter.NextDouble());
        }

        return TimeSpan.FromMilliseconds(capped * factor);
    }

    private static async Task<string> ComputeAsync(ExpectedChecksum checksum, string path, string label, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        IChecksumAccumulator accumulator = checksum.CreateAccumulator();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        string stage = $"{label} ({checksum.Algorithm} check)";
        long total = stream.Length;
        long done = 0;
        byte[] buffer = new byte[BufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            accumulator.Append(buffer.AsSpan(0, read));
            done += read;
            progress?.Report(new ProgressReport(stage, done, total, "B"));
        }

        return accumulator.Finish();
    }

    private static long LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
