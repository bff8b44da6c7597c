using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Signing;

namespace Qunfa.Emulators.Oss;

/// <summary>OSS PostObject: checks the form against the policy and signature GetOSSInfoForUploadFile handed out.</summary>
internal sealed class OssPostObjectEndpoint(EmulatorState state)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var requestId = Ids.RequestId();
        if (!http.Request.HasFormContentType || !(http.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Error(400, "InvalidArgument", "PostObject needs a multipart/form-data body.", requestId);
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string Field(string name) => form.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
        var key = Field("key");
        var accessKeyId = Field("OSSAccessKeyId");
        var policy = Field("policy");
        var signature = Field("Signature");
        var file = form.Files.GetFile("file");
        if (key.Length == 0 || accessKeyId.Length == 0 || policy.Length == 0 || signature.Length == 0 || file is null)
        {
            return Error(400, "InvalidArgument", "key, OSSAccessKeyId, policy, Signature and file are all required.", requestId);
        }
        var grant = state.Oss.Find(accessKeyId);
        if (grant is null)
        {
            return Error(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.", requestId);
        }
        if (OssPolicySignature.Sign(policy, grant.Secret) != signature)
        {
            return Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", requestId);
        }
        if (CheckPolicy(policy, key, file.Length) is { } violation)
        {
            return Error(403, "AccessDenied", "Invalid according to Policy: " + violation, requestId);
        }
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, http.RequestAborted);
        state.Oss.Files[key] = ms.ToArray();
        var status = Field("success_action_status") switch
        {
            "200" => 200,
            "201" => 201,
            _ => 204,
        };
        http.Response.Headers["x-oss-request-id"] = requestId;
        if (status == 201)
        {
            var body = new XElement("PostResponse",
                new XElement("Bucket", "alicom-emulator"),
                new XElement("Location", $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}/{key}"),
                new XElement("Key", key),
                new XElement("ETag", "\"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(state.Oss.Files[key])) + "\""));
            return Results.Content(body.ToString(), "application/xml", Encoding.UTF8, 201);
        }
        return Results.StatusCode(status);
    }

    private string? CheckPolicy(string policy, string key, long length)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(Convert.FromBase64String(policy));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return "policy is not Base64 JSON.";
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("expiration", out var exp)
                || !DateTimeOffset.TryParse(exp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiration)
                || expiration <= state.Time.GetUtcNow())
            {
                return "Policy expired.";
            }
            foreach (var condition in root.GetProperty("conditions").EnumerateArray())
            {
                if (condition.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                var parts = condition.EnumerateArray().ToArray();
                if (parts is [{ ValueKind: JsonValueKind.String } op, var field, var value])
                {
                    if (op.GetString() == "starts-with" && field.GetString() == "$key" && !key.StartsWith(value.GetString() ?? "", StringComparison.Ordinal))
                    {
                        return $"Policy Condition failed: [\"starts-with\", \"$key\", \"{value.GetString()}\"]";
                    }
                    if (op.GetString() == "content-length-range" && (length < field.GetInt64() || length > value.GetInt64()))
                    {
                        return "Policy Condition failed: content-length-range";
                    }
                }
            }
        }
        return null;
    }

    private static IResult Error(int status, string code, string message, string requestId)
    {
        var body = new XElement("Error",
            new XElement("Code", code),
            new XElement("Message", message),
            new XElement("RequestId", requestId),
            new XElement("HostId", "alicom-emulator.oss-cn-zhangjiakou.aliyuncs.com"));
        return Results.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body, "application/xml", Encoding.UTF8, status);
    }
}
