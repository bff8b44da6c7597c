using System.Globalization;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Sms;

internal static class QuerySendDetailsAction
{
    public static readonly RpcAction Definition = new("QuerySendDetails", ["PhoneNumber", "SendDate", "PageSize", "CurrentPage"], Handle);

    private static RpcResult Handle(RpcCall call)
    {
        if (PhoneNumbers.Normalize(call.Req("PhoneNumber"), out var number) == NumberKind.Illegal)
        {
            return RpcResult.Business("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
        }
        if (!ChinaTime.TryParseDay(call.Req("SendDate"), out var day))
        {
            return RpcResult.InvalidParameter("SendDate 格式必须为 yyyyMMdd");
        }
        var today = ChinaTime.DayOf(call.Now);
        if (day > today || day < today.AddDays(-29))
        {
            return RpcResult.InvalidParameter("SendDate 只支持查询最近30天的记录");
        }
        if (!call.TryGetInt("PageSize", out var pageSize) || pageSize is < 1 or > 50
            || !call.TryGetInt("CurrentPage", out var page) || page < 1)
        {
            return RpcResult.InvalidParameter("PageSize 取值 1~50, CurrentPage 从 1 开始");
        }
        IEnumerable<(SmsBatch Batch, int Index)> matches;
        if (call.Get("BizId") is { Length: > 0 } bizId)
        {
            var batch = call.Account.Sent.ByBizId(bizId);
            matches = batch is null
                ? []
                : Enumerable.Range(0, batch.Count).Where(i => batch.Numbers.Matches(i, number)).Select(i => (batch, i));
        }
        else
        {
            matches = call.Account.Sent.To(number);
        }
        var all = matches.Where(m => m.Batch.SendDay == day).Reverse().ToList();
        var dtos = new JsonArray();
        foreach (var (batch, i) in all.Skip((page - 1) * pageSize).Take(pageSize))
        {
            dtos.Add(Dto(batch, i));
        }
        return RpcResult.Ok(new JsonObject
        {
            ["TotalCount"] = all.Count.ToString(CultureInfo.InvariantCulture),
            ["SmsSendDetailDTOs"] = new JsonObject { ["SmsSendDetailDTO"] = dtos },
        });
    }

    private static JsonObject Dto(SmsBatch batch, int i)
    {
        var failure = batch.Reported ? batch.Failure(i) : null;
        return new JsonObject
        {
            ["PhoneNum"] = batch.Numbers.GetString(i),
            ["SendStatus"] = !batch.Reported ? 1 : failure is null ? 3 : 2,
            ["ErrCode"] = !batch.Reported ? "" : failure?.ErrCode ?? "DELIVERED",
            ["TemplateCode"] = batch.TemplateCode,
            ["Content"] = batch.Content(i),
            ["SendDate"] = ChinaTime.Format(batch.SendTime),
            ["ReceiveDate"] = batch.Reported ? ChinaTime.Format(batch.ReportTime) : "",
            ["OutId"] = batch.OutId ?? "",
        };
    }
}
