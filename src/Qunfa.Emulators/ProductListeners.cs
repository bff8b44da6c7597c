using System.Net;
using System.Net.Sockets;

namespace Qunfa.Emulators;

/// <summary>
/// The products the emulator serves at the root of a listener or host name of their own, besides the
/// /dysmsapi/, /dybaseapi/ and /mns/ paths of its main listener.
/// </summary>
public static class ProductListeners
{
    public const string Dysmsapi = "dysmsapi";
    public const string Dybaseapi = "dybaseapi";
    public const string Mns = "mns";

    public static IEnumerable<Uri> Urls(EmulatorOptions options) =>
        new[] { options.DysmsapiUrl, options.DybaseapiUrl, options.MnsUrl }.OfType<Uri>();

    /// <summary>
    /// The product a request at the root is for: the one whose listener it came in on, or else the one its
    /// host name names as Alibaba's do (dysmsapi.…, dybaseapi.…, &lt;uid&gt;.mns.…); null for none.
    /// </summary>
    public static string? Resolve(EmulatorOptions options, HttpContext http)
    {
        var port = http.Connection.LocalPort;
        if (options.DysmsapiUrl?.Port == port) return Dysmsapi;
        if (options.DybaseapiUrl?.Port == port) return Dybaseapi;
        if (options.MnsUrl?.Port == port) return Mns;
        var labels = http.Request.Host.Host.ToLowerInvariant().Split('.');
        return labels[0] switch
        {
            Dysmsapi => Dysmsapi,
            Dybaseapi => Dybaseapi,
            _ when labels.Contains(Mns) => Mns,
            _ => null,
        };
    }

    /// <summary>Gives each listener asked for on port 0 a free loopback port, so requests can be told apart by port.</summary>
    internal static void PickFreePorts(EmulatorOptions options)
    {
        options.DysmsapiUrl = WithFreePort(options.DysmsapiUrl);
        options.DybaseapiUrl = WithFreePort(options.DybaseapiUrl);
        options.MnsUrl = WithFreePort(options.MnsUrl);
    }

    private static Uri? WithFreePort(Uri? url)
    {
        if (url is not { Port: 0 }) return url;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new UriBuilder(url) { Port = port }.Uri;
    }
}
