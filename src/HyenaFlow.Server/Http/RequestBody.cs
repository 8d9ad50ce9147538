using System.Text;
using HyenaFlow.Server.Security;

namespace HyenaFlow.Server.Http;

/// <summary>Reads a request body as the exact bytes sent (so a saved definition is byte-identical to what the client
/// wrote), never more than <see cref="RequestLimits.MaxBodyBytes"/>.</summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed class TooLargeException() : Exception($"the request body is larger than {RequestLimits.MaxBodyBytes} bytes");

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > RequestLimits.MaxBodyBytes)
                throw new TooLargeException();
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The body as text; null when it is not UTF-8.</summary>
    public static string? Text(byte[] body)
    {
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
