using System.Net;
using System.Net.Sockets;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Webhooks;

/// <summary>
/// Which callback URLs a customer may set: https to a public address, unless the operator allows http and
/// private addresses. Names are checked again when connecting (see <see cref="IsPrivate"/> in the client),
/// because a public name can resolve to a private address later.
/// </summary>
public static class WebhookUrlRules
{
    public const int MaxLength = 500;

    public static Outcome Validate(string? url, bool allowInsecure, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url)) return Outcome.Fail("Url", WebhookMessages.UrlRequired);
        var text = url.Trim();
        if (text.Length > MaxLength) return Outcome.Fail("Url", WebhookMessages.UrlTooLong);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(parsed.Host) || !string.IsNullOrEmpty(parsed.UserInfo))
            return Outcome.Fail("Url", WebhookMessages.UrlInvalid);
        if (parsed.Scheme == "http" && !allowInsecure) return Outcome.Fail("Url", WebhookMessages.HttpsRequired);
        if (!allowInsecure && IsPrivateHost(parsed)) return Outcome.Fail("Url", WebhookMessages.PrivateAddress);
        uri = parsed;
        return Outcome.Ok();
    }

    private static bool IsPrivateHost(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPrivate(address);
    }

    /// <summary>Loopback, private, link-local, carrier-grade NAT, unspecified and unique-local addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || b[0] >= 224;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC;
        }
        return true;
    }
}
