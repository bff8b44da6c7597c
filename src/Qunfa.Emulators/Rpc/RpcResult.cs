using System.Text.Json.Nodes;

namespace Qunfa.Emulators.Rpc;

internal sealed class RpcResult
{
    private RpcResult(int status, string code, string message, JsonObject? body, bool isGateway)
    {
        Status = status;
        Code = code;
        Message = message;
        Body = body;
        IsGatewayError = isGateway;
    }

    public int Status { get; }

    public string Code { get; }

    public string Message { get; }

    public JsonObject? Body { get; }

    public bool IsGatewayError { get; }

    public bool IsSuccess => Code == "OK";

    public static RpcResult Ok(JsonObject? body = null) => new(200, "OK", "OK", body, false);

    /// <summary>Business errors travel as HTTP 200 with a Code other than OK.</summary>
    public static RpcResult Business(string code, string message, JsonObject? body = null) => new(200, code, message, body, false);

    public static RpcResult Gateway(int status, string code, string message) => new(status, code, message, null, true);

    public static RpcResult Missing(string parameter) =>
        Gateway(400, "Missing" + parameter, parameter + " is mandatory for this action.");

    public static RpcResult InvalidParameter(string message) => Business("isv.INVALID_PARAMETERS", message);
}
