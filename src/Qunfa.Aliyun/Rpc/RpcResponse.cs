using System.Text.Json;
using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Errors;

namespace Qunfa.Aliyun.Rpc;

/// <summary>A received RPC answer: the envelope fields plus the whole JSON body for typed readers.</summary>
internal sealed class RpcResponse
{
    private RpcResponse(int httpStatus, JsonElement root, string? code, string? message, string? requestId, bool? success)
    {
        HttpStatus = httpStatus;
        Root = root;
        Code = code;
        Message = message;
        RequestId = requestId;
        Success = success;
    }

    public int HttpStatus { get; }

    public JsonElement Root { get; }

    public string? Code { get; }

    public string? Message { get; }

    public string? RequestId { get; }

    public bool? Success { get; }

    public AliyunOutcome Outcome
    {
        get
        {
            var outcome = AliyunErrorMap.Classify(Code, HttpStatus);

            // Qualification, letter and OSS operations may signal failure only through Success=false.
            return outcome == AliyunOutcome.Ok && Success == false ? AliyunOutcome.PermanentRequestFailure : outcome;
        }
    }

    public static RpcResponse Parse(int httpStatus, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var root = document.RootElement.Clone();
            return new RpcResponse(httpStatus, root, root.Str("Code"), root.Str("Message"), root.Str("RequestId"), root.Bool("Success"));
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer in HTML or plain text; keep a bounded excerpt for diagnosis.
            var excerpt = body.Length > 300 ? body[..300] : body;
            using var empty = JsonDocument.Parse("{}");
            return new RpcResponse(httpStatus, empty.RootElement.Clone(), null, excerpt, null, null);
        }
    }

    public RpcResponse EnsureSuccess()
    {
        var outcome = Outcome;
        return outcome == AliyunOutcome.Ok
            ? this
            : throw new AliyunApiException(Code, Message, RequestId, HttpStatus, outcome);
    }
}
