using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Qunfa.Emulators.Faults;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Signing;

namespace Qunfa.Emulators.Rpc;

/// <summary>Authenticates a POP RPC request (V1 or V3) the way the real gateway does, then dispatches the action.</summary>
internal sealed class RpcGateway(EmulatorState state, RpcProduct product, string prefix)
{
    private readonly FaultInjector _faults = new(state);

    private const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var requestId = Ids.RequestId();
        await _faults.DelayAsync(http.RequestAborted);
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        var query = Pairs(http.Request.Query);
        var form = IsForm(http.Request) ? Pairs(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))) : [];
        var all = new List<KeyValuePair<string, string>>(query.Count + form.Count);
        all.AddRange(query);
        all.AddRange(form);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in all)
        {
            parameters[k] = v;
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        var isV3 = authorization.StartsWith(RpcSignatureV3.Algorithm, StringComparison.Ordinal);
        var xml = !isV3 && !string.Equals(parameters.GetValueOrDefault("Format"), "JSON", StringComparison.OrdinalIgnoreCase);
        var actionName = isV3 ? http.Request.Headers["x-acs-action"].ToString() : parameters.GetValueOrDefault("Action") ?? "";

        if (_faults.ServerError(actionName) is { } injected)
        {
            return RpcResponseWriter.Write(injected, requestId, actionName, product.HostId, xml: false);
        }
        var result = isV3
            ? AuthenticateV3(http, authorization, query, body, out var account)
            : AuthenticateV1(http.Request.Method, parameters, all, out account);
        if (result is null)
        {
            var action = product.Actions[actionName];
            result = MissingRequired(action, parameters) ?? Invoke(action, account!, parameters, http);
        }
        state.Counters.RecordRpc(result.IsSuccess);
        if (_faults.DropAfterSuccess(actionName, result))
        {
            http.Abort();
            return Results.Empty;
        }
        return RpcResponseWriter.Write(result, requestId, actionName, product.HostId, xml);
    }

    private RpcResult Invoke(RpcAction action, AccountState account, Dictionary<string, string> parameters, HttpContext http)
    {
        var call = new RpcCall
        {
            State = state,
            Account = account,
            Parameters = parameters,
            Now = state.Time.GetUtcNow(),
            Http = http,
            EmulatorPrefix = prefix,
        };
        return action.Handler(call);
    }

    private static RpcResult? MissingRequired(RpcAction action, Dictionary<string, string> parameters)
    {
        foreach (var name in action.Required)
        {
            if (!parameters.TryGetValue(name, out var v) || v.Length == 0)
            {
                return RpcResult.Missing(name);
            }
        }
        return null;
    }

    private RpcResult? AuthenticateV1(string method, Dictionary<string, string> p, List<KeyValuePair<string, string>> all, out AccountState? account)
    {
        account = null;
        foreach (var name in (string[])["Action", "Version", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"])
        {
            if (!p.TryGetValue(name, out var v) || v.Length == 0)
            {
                return RpcResult.Missing(name);
            }
        }
        if (CheckActionAndVersion(p["Action"], p["Version"]) is { } bad)
        {
            return bad;
        }
        if (p["SignatureMethod"] != "HMAC-SHA1")
        {
            return RpcResult.Gateway(400, "InvalidSignatureMethod", "Specified signature method is not valid.");
        }
        if (p["SignatureVersion"] != "1.0")
        {
            return RpcResult.Gateway(400, "InvalidSignatureVersion", "Specified signature version is not valid.");
        }
        if (FindAccount(p["AccessKeyId"], out account) is { } noAccount)
        {
            return noAccount;
        }
        if (CheckTimestamp(p["Timestamp"]) is { } badTime)
        {
            return badTime;
        }
        var stringToSign = RpcSignatureV1.StringToSign(method, all);
        if (RpcSignatureV1.Sign(stringToSign, account!.Account.AccessKeySecret) != p["Signature"])
        {
            return SignatureMismatch(stringToSign);
        }
        return CheckNonce(account.Account.AccessKeyId, p["SignatureNonce"]);
    }

    private RpcResult? AuthenticateV3(HttpContext http, string authorization, List<KeyValuePair<string, string>> query, byte[] body, out AccountState? account)
    {
        account = null;
        var headers = http.Request.Headers;
        foreach (var name in (string[])["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"])
        {
            if (string.IsNullOrEmpty(headers[name]))
            {
                return RpcResult.Gateway(400, "Missing" + name, name + " header is mandatory for this action.");
            }
        }
        if (CheckActionAndVersion(headers["x-acs-action"]!, headers["x-acs-version"]!) is { } bad)
        {
            return bad;
        }
        if (!RpcSignatureV3.TryParseAuthorization(authorization, out var accessKeyId, out var signedHeaders, out var signature))
        {
            return RpcResult.Gateway(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        }
        var signedSet = signedHeaders.ToHashSet(StringComparer.Ordinal);
        var unsigned = headers.Keys
            .Select(k => k.ToLowerInvariant())
            .Where(k => k.StartsWith("x-acs-", StringComparison.Ordinal) || k == "host")
            .FirstOrDefault(k => !signedSet.Contains(k));
        if (unsigned is not null || !signedHeaders.SequenceEqual(signedHeaders.Order(StringComparer.Ordinal)))
        {
            return RpcResult.Gateway(400, "IncompleteSignature",
                $"The request signature does not conform to Aliyun standards: SignedHeaders must be lower-case, sorted and cover host and every x-acs-* header{(unsigned is null ? "" : $" ({unsigned} is missing)")}.");
        }
        if (FindAccount(accessKeyId, out account) is { } noAccount)
        {
            return noAccount;
        }
        if (CheckTimestamp(headers["x-acs-date"]!) is { } badTime)
        {
            return badTime;
        }
        var payloadHash = body.Length == 0 ? EmptyBodySha256 : RpcSignatureV3.HexSha256(body);
        var canonical = RpcSignatureV3.CanonicalRequest(http.Request.Method, query, signedHeaders,
            name => name == "host" ? http.Request.Host.Value ?? "" : headers[name].ToString(), payloadHash);
        var stringToSign = RpcSignatureV3.StringToSign(canonical);
        if (!string.Equals(RpcSignatureV3.Sign(stringToSign, account!.Account.AccessKeySecret), signature, StringComparison.Ordinal))
        {
            return SignatureMismatch(stringToSign + " (canonical request: " + canonical.Replace("\n", "\\n", StringComparison.Ordinal) + ")");
        }
        return CheckNonce(account.Account.AccessKeyId, headers["x-acs-signature-nonce"]!);
    }

    private RpcResult? CheckActionAndVersion(string action, string version)
    {
        if (version != product.Version)
        {
            return RpcResult.Gateway(400, "InvalidVersion", "Specified parameter Version is not valid.");
        }
        if (!product.Actions.ContainsKey(action))
        {
            return RpcResult.Gateway(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");
        }
        return null;
    }

    private RpcResult? FindAccount(string accessKeyId, out AccountState? account)
    {
        if (!state.TryGetAccountByKey(accessKeyId, out account))
        {
            return RpcResult.Gateway(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        if (!account!.Account.Active)
        {
            return RpcResult.Gateway(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
        }
        return null;
    }

    private RpcResult? CheckTimestamp(string value)
    {
        if (!DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts))
        {
            return RpcResult.Gateway(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }
        if ((state.Time.GetUtcNow() - ts).Duration() > state.Options.MaxClockSkew)
        {
            return RpcResult.Gateway(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
        return null;
    }

    private RpcResult? CheckNonce(string accessKeyId, string nonce) =>
        state.Nonces.TryUse(accessKeyId, nonce)
            ? null
            : RpcResult.Gateway(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    private static RpcResult SignatureMismatch(string stringToSign) =>
        RpcResult.Gateway(400, "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);

    private static bool IsForm(HttpRequest request) =>
        request.ContentType is { } ct && ct.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0)
        {
            return [];
        }
        using var ms = new MemoryStream();
        await request.Body.CopyToAsync(ms, ct);
        return ms.ToArray();
    }

    private static List<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in source)
        {
            foreach (var v in values)
            {
                list.Add(new(key, v ?? ""));
            }
        }
        return list;
    }
}
