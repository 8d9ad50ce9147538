using System.Security.Cryptography;
using System.Text;
using HyenaFlow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace HyenaFlow.Server.Security;

/// <summary>
/// Whether requests need a key and which key: needed when any configured listen address is not loopback (and, in
/// any case, for a request that arrived on a non-loopback local address). Only the SHA-256 of the key is kept, and
/// a given key is compared by hash in constant time, so neither the key's content nor its length shows in timing.
/// </summary>
public sealed class ApiKeyPolicy
{
    public const string Header = "X-Api-Key";

    private readonly byte[]? _expectedHash;

    public ApiKeyPolicy(IConfiguration configuration, IOptions<ServerOptions> options)
    {
        NonLoopbackUrls = BindAddresses.Configured(configuration).Where(u => !BindAddresses.IsLoopback(u)).ToList();
        KeyVariable = options.Value.ApiKeyVariable;
        if (options.Value.ResolvedApiKey is { } key)
            _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public IReadOnlyList<string> NonLoopbackUrls { get; }

    public string KeyVariable { get; }

    public bool HasKey => _expectedHash is not null;

    public bool KeyRequiredByBinding => NonLoopbackUrls.Count > 0;

    public bool Accepts(string? givenKey)
    {
        if (_expectedHash is null || givenKey is null)
            return false;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(givenKey));
        return CryptographicOperations.FixedTimeEquals(given, _expectedHash);
    }
}
