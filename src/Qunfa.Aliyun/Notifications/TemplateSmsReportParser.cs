using System.Text.Json;
using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Manage;

namespace Qunfa.Aliyun.Notifications;

public static class TemplateSmsReportParser
{
    public static TemplateReviewReport Parse(string json) => NotificationJson.ParseOne(json, Read);

    public static IReadOnlyList<TemplateReviewReport> ParsePush(string json) => NotificationJson.ParseMany(json, Read);

    internal static TemplateReviewReport Read(JsonElement e) => new(
        e.Str("template_code") ?? string.Empty,
        e.Str("template_name"),
        e.Str("template_content"),
        e.Str("template_type"),
        ReviewStatusMapper.FromReportStatus(e.Str("template_status"), e.Str("reason")),
        e.Str("remark"),
        ChinaTime.Parse(e.Str("create_date")),
        e.Str("order_id") ?? e.Str("orderId"));
}
