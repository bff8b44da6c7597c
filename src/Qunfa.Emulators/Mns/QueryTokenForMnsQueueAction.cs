using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Mns;

internal static class QueryTokenForMnsQueueAction
{
    public static readonly RpcAction Definition = new("QueryTokenForMnsQueue", ["MessageType", "QueueName"], Handle);

    private static RpcResult Handle(RpcCall call)
    {
        var type = call.Req("MessageType");
        if (!MnsMessageTypes.All.Contains(type))
        {
            return RpcResult.InvalidParameter($"MessageType {type} is not supported.");
        }
        var queueName = call.Req("QueueName");
        var expected = MnsMessageTypes.QueueName(call.Account.Account.AccountUid, type);
        if (queueName != expected)
        {
            return RpcResult.Business("isv.INVALID_PARAMETERS", $"QueueName {queueName} does not belong to this account for {type}; expected {expected}.");
        }
        var token = call.State.Tokens.Issue(call.Account.Account.AccountUid, queueName, call.Now, call.State.Options.StsTokenLifetime);
        return RpcResult.Ok(new JsonObject
        {
            ["MessageTokenDTO"] = new JsonObject
            {
                ["AccessKeyId"] = token.AccessKeyId,
                ["AccessKeySecret"] = token.AccessKeySecret,
                ["SecurityToken"] = token.SecurityToken,
                ["CreateTime"] = ChinaTime.Format(token.CreateTime),
                ["ExpireTime"] = ChinaTime.Format(token.ExpireTime),
            },
        });
    }
}
