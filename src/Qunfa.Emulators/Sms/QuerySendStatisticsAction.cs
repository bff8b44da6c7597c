using System.Globalization;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Sms;

internal static class QuerySendStatisticsAction
{
    public static readonly RpcAction Definition = new("QuerySendStatistics", ["IsGlobe", "StartDate", "EndDate", "PageIndex", "PageSize"], Handle);

    private sealed class DayTotals
    {
        public long Total, Success, Fail, NoResponse;
    }

    private static RpcResult Handle(RpcCall call)
    {
        if (!call.TryGetInt("IsGlobe", out var globe) || globe is not (1 or 2))
        {
            return RpcResult.InvalidParameter("IsGlobe 取值 1 或 2");
        }
        if (!ChinaTime.TryParseDay(call.Req("StartDate"), out var start) || !ChinaTime.TryParseDay(call.Req("EndDate"), out var end) || end < start)
        {
            return RpcResult.InvalidParameter("StartDate/EndDate 格式必须为 yyyyMMdd 且 EndDate 不早于 StartDate");
        }
        if (!call.TryGetInt("PageSize", out var pageSize) || pageSize is < 1 or > 50 || !call.TryGetInt("PageIndex", out var page) || page < 1)
        {
            return RpcResult.InvalidParameter("PageSize 取值 1~50, PageIndex 从 1 开始");
        }
        int? templateType = call.TryGetInt("TemplateType", out var tt) ? tt : null;
        var signName = call.Get("SignName");
        var days = new SortedDictionary<DateOnly, DayTotals>(Comparer<DateOnly>.Create((a, b) => b.CompareTo(a)));
        foreach (var batch in call.Account.Sent.All)
        {
            var day = batch.SendDay;
            if (day < start || day > end || batch.International != (globe == 2) || (templateType is { } t && batch.TemplateType != t))
            {
                continue;
            }
            if (!days.TryGetValue(day, out var totals))
            {
                days[day] = totals = new DayTotals();
            }
            Add(totals, batch, signName);
        }
        var list = new JsonArray();
        foreach (var (day, totals) in days.Skip((page - 1) * pageSize).Take(pageSize))
        {
            list.Add(new JsonObject
            {
                ["SendDate"] = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["TotalCount"] = totals.Total,
                ["RespondedSuccessCount"] = totals.Success,
                ["RespondedFailCount"] = totals.Fail,
                ["NoRespondedCount"] = totals.NoResponse,
            });
        }
        return RpcResult.Ok(new JsonObject
        {
            ["Data"] = new JsonObject { ["TotalSize"] = days.Count, ["TargetList"] = list },
        });
    }

    private static void Add(DayTotals totals, SmsBatch batch, string? signName)
    {
        if (signName is null && batch.SignNames.Length == 1 || signName is not null && batch.SignNames is [var only] && only == signName)
        {
            totals.Total += batch.Count;
            if (batch.Reported)
            {
                totals.Fail += batch.FailedCount;
                totals.Success += batch.Count - batch.FailedCount;
            }
            else
            {
                totals.NoResponse += batch.Count;
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (signName is not null && batch.SignName(i) != signName)
            {
                continue;
            }
            totals.Total++;
            if (!batch.Reported)
            {
                totals.NoResponse++;
            }
            else if (batch.Failure(i) is null)
            {
                totals.Success++;
            }
            else
            {
                totals.Fail++;
            }
        }
    }
}
