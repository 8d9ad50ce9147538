using System.Net;

namespace HyenaFlow.Server.Security;

/// <summary>Which configured listen addresses reach beyond this machine. Only literal loopback addresses,
/// <c>localhost</c> and unix sockets count as local; wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and
/// host names do not.</summary>
public static class BindAddresses
{
    /// <summary>The listen URLs of a configuration: <c>urls</c> (';'-separated) and every <c>Kestrel:Endpoints:*:Url</c>.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        var urls = (configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
                urls.Add(url);
        }

        return urls;
    }

    public static bool IsLoopback(string url)
    {
        if (url.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
            return true;
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (address.IsUnixPipe || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IsLoopback(ip);
    }

    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
