using System.Text.Json;
using Qunfa.Aliyun.Common;

namespace Qunfa.Aliyun.Sms;

internal static class QueryResponseReader
{
    public static SendDetailsPage SendDetails(JsonElement root, string? requestId)
    {
        var container = root.Get("SmsSendDetailDTOs");
        var rows = container is { ValueKind: JsonValueKind.Object } wrapper
            ? wrapper.Array("SmsSendDetailDTO")
            : root.Array("SmsSendDetailDTOs");
        var items = rows.Select(row => new SendDetail(
            row.Str("PhoneNum") ?? string.Empty,
            StateOf(row.Int("SendStatus")),
            row.Str("ErrCode"),
            row.Str("TemplateCode"),
            row.Str("Content"),
            ChinaTime.Parse(row.Str("SendDate")),
            ChinaTime.Parse(row.Str("ReceiveDate")),
            row.Str("OutId"))).ToList();
        return new SendDetailsPage(root.Long("TotalCount") ?? items.Count, items, requestId);
    }

    public static SendStatisticsPage SendStatistics(JsonElement root, string? requestId)
    {
        var data = root.Payload("Data");
        var days = data.Array("TargetList").Select(row => new SendStatisticsDay(
            ChinaTime.Parse(row.Str("SendDate")) is { } date ? DateOnly.FromDateTime(date.DateTime) : null,
            row.Long("TotalCount") ?? 0,
            row.Long("RespondedSuccessCount") ?? 0,
            row.Long("RespondedFailCount") ?? 0,
            row.Long("NoRespondedCount") ?? 0)).ToList();
        return new SendStatisticsPage(data.Long("TotalSize") ?? days.Count, days, requestId);
    }

    private static DeliveryState StateOf(int? sendStatus) => sendStatus switch
    {
        3 => DeliveryState.Delivered,
        2 => DeliveryState.Failed,
        _ => DeliveryState.Pending,
    };
}
