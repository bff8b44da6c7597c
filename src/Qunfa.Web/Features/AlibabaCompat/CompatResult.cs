using System.Text.Json.Nodes;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>
/// What an Alibaba-compatible call answers: gateway errors (authentication, missing parameters) with an
/// HTTP error status, everything else HTTP 200 with <c>Code</c> "OK" or a business code (isv.*).
/// </summary>
public sealed class CompatResult
{
    private CompatResult(int status, string code, string message, JsonObject? body, bool isGatewayError)
    {
        Status = status;
        Code = code;
        Message = message;
        Body = body;
        IsGatewayError = isGatewayError;
    }

    public int Status { get; }
    public string Code { get; }
    public string Message { get; }
    public JsonObject? Body { get; }
    public bool IsGatewayError { get; }

    public static CompatResult Ok(JsonObject? body = null) => new(200, "OK", "OK", body, false);

    public static CompatResult Business(string code, string message) => new(200, code, message, null, false);

    public static CompatResult Gateway(int status, string code, string message) => new(status, code, message, null, true);

    public static CompatResult Missing(string parameter) => Gateway(400, "Missing" + parameter, parameter + " is mandatory for this action.");
}
