using System.Text.Json;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Manage;

internal static class Paging
{
    public static RpcResult? Read(RpcCall call, string pageParameter, out int page, out int size)
    {
        page = 1;
        size = 10;
        if (call.Get(pageParameter) is not null && (!call.TryGetInt(pageParameter, out page) || page < 1))
        {
            return RpcResult.InvalidParameter($"{pageParameter} 从 1 开始");
        }
        if (call.Get("PageSize") is not null && (!call.TryGetInt("PageSize", out size) || size is < 1 or > 50))
        {
            return RpcResult.InvalidParameter("PageSize 取值 1~50");
        }
        return null;
    }

    public static bool IsJsonArray(string json) => TryParse(json, out var kind) && kind == JsonValueKind.Array;

    public static bool TryParse(string json, out JsonValueKind kind)
    {
        kind = JsonValueKind.Undefined;
        try
        {
            using var doc = JsonDocument.Parse(json);
            kind = doc.RootElement.ValueKind;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
