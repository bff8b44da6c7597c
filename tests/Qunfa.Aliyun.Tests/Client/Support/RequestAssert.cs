using Qunfa.Aliyun.Signing;

namespace Qunfa.Aliyun.Tests.Client.Support;

/// <summary>Verifies captured requests the way the server would.</summary>
public static class RequestAssert
{
    public static void HasValidV3Signature(CapturedRequest request, string accessKeyId, string secret)
    {
        var authorization = request.Headers["Authorization"];
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",", authorization, StringComparison.Ordinal);
        var signedNames = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var headers = signedNames.Select(n => new KeyValuePair<string, string>(n, n == "host" ? request.Headers["Host"] : request.Headers[n])).ToList();
        var canonical = AcsSignatureV3.CanonicalRequest(
            request.Method.Method,
            CanonicalQuery.Build(request.Query),
            AcsSignatureV3.SignedHeaders(headers),
            AcsSignatureV3.HashPayload(request.Body ?? []));
        var expected = AcsSignatureV3.Sign(AcsSignatureV3.StringToSign(canonical), secret);
        Assert.EndsWith("Signature=" + expected, authorization, StringComparison.Ordinal);
    }

    public static void HasValidV1Signature(CapturedRequest request, string secret)
    {
        var query = request.Query;
        var expected = RpcSignatureV1.Sign(request.Method.Method, query, secret);
        Assert.Equal(expected, query["Signature"]);
    }
}
