using System.Globalization;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Sending.Records;

/// <summary>发送记录查询's two ways in: a recipient's number, or a template.</summary>
public enum RecordQueryMode
{
    Phone,
    Template,
}

/// <summary>发送状态 as the query offers it; 等待回执 is everything not yet answered (待发送, 认领中, 已提交).</summary>
public enum RecordStatusFilter
{
    All,
    Delivered,
    Failed,
    Waiting,
}

/// <summary>
/// A checked 发送记录查询: a full number (or, by template, an optional fragment of one), the status, and the operator's
/// days (inclusive) of the tasks' 发送时间. <see cref="CustomerId"/> narrows it to one customer's own records.
/// </summary>
public sealed record RecordQuery(RecordQueryMode Mode, string? Phone, string? Template, RecordStatusFilter Status, DateOnly From, DateOnly To, int? CustomerId)
{
    /// <summary>The widest range one query covers, in days.</summary>
    public const int MaxDays = 92;

    public const int MaxTemplateLength = 64;

    public static readonly RecordStatusFilter[] Statuses = [RecordStatusFilter.All, RecordStatusFilter.Delivered, RecordStatusFilter.Failed, RecordStatusFilter.Waiting];

    /// <summary>The raw form values checked; on any problem the query is null and the outcome says why (nothing is run).</summary>
    public static (RecordQuery? Query, Outcome Outcome) Parse(
        string? by, string? phone, string? template, string? status, string? from, string? to, int? customerId)
    {
        var outcome = Outcome.Ok();
        var mode = string.Equals(by, "template", StringComparison.OrdinalIgnoreCase) ? RecordQueryMode.Template : RecordQueryMode.Phone;

        var digits = AdminSendRecords.Digits(phone);
        var phoneText = phone?.Trim();
        if (!string.IsNullOrEmpty(phoneText) && (phoneText.Length > 20 || !phoneText.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+')))
            outcome.Add("phone", RecordMessages.PhoneInvalid);
        else if (mode == RecordQueryMode.Phone && digits is null)
            outcome.Add("phone", RecordMessages.PhoneRequired);
        else if (mode == RecordQueryMode.Phone && !IsMobile(digits))
            outcome.Add("phone", RecordMessages.PhoneInvalid);

        var templateText = template?.Trim();
        if (string.IsNullOrEmpty(templateText)) templateText = null;
        if (mode == RecordQueryMode.Template && templateText is null) outcome.Add("template", RecordMessages.TemplateRequired);
        else if (templateText is { Length: > MaxTemplateLength }) outcome.Add("template", RecordMessages.TemplateTooLong);

        var statusFilter = ParseStatus(status);
        if (statusFilter is null) outcome.Add("status", RecordMessages.StatusInvalid);

        var start = Date(from, "from", RecordMessages.FromRequired, outcome);
        var end = Date(to, "to", RecordMessages.ToRequired, outcome);
        if (start is { } s && end is { } e)
        {
            if (e < s) outcome.Add("to", RecordMessages.EndBeforeStart);
            else if (e.DayNumber - s.DayNumber + 1 > MaxDays) outcome.Add("to", RecordMessages.RangeTooLong);
        }

        if (!outcome.Succeeded) return (null, outcome);
        return (new RecordQuery(mode, digits, mode == RecordQueryMode.Template ? templateText : null, statusFilter!.Value, start!.Value, end!.Value, customerId), outcome);
    }

    public static string StatusKey(RecordStatusFilter status) => status switch
    {
        RecordStatusFilter.Delivered => "delivered",
        RecordStatusFilter.Failed => "failed",
        RecordStatusFilter.Waiting => "waiting",
        _ => "all",
    };

    public static string StatusLabel(RecordStatusFilter status) => status switch
    {
        RecordStatusFilter.Delivered => "发送成功",
        RecordStatusFilter.Failed => "发送失败",
        RecordStatusFilter.Waiting => "等待回执",
        _ => "全部",
    };

    /// <summary>The query as URL parameters, for 详情 links, the pager and the export links.</summary>
    public Dictionary<string, string?> ToParameters() => new()
    {
        ["by"] = Mode == RecordQueryMode.Template ? "template" : "phone",
        ["phone"] = Phone,
        ["template"] = Template,
        ["status"] = StatusKey(Status),
        ["from"] = Day(From),
        ["to"] = Day(To),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsMobile(string? digits) => digits is { Length: 11 } && digits[0] == '1';

    private static RecordStatusFilter? ParseStatus(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => RecordStatusFilter.All,
        "delivered" => RecordStatusFilter.Delivered,
        "failed" => RecordStatusFilter.Failed,
        "waiting" => RecordStatusFilter.Waiting,
        _ => null,
    };

    private static DateOnly? Date(string? text, string field, string missing, Outcome outcome)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            outcome.Add(field, missing);
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        outcome.Add(field, RecordMessages.DateInvalid);
        return null;
    }
}

/// <summary>What 发送记录查询 says about bad input (resource keys).</summary>
public static class RecordMessages
{
    public const string PhoneRequired = "请输入手机号";
    public const string PhoneInvalid = "请输入正确的手机号（11位数字）";
    public const string TemplateRequired = "请选择短信模板（模板名称或模板Code）";
    public const string TemplateTooLong = "短信模板不能超过64个字符";
    public const string StatusInvalid = "发送状态不正确";
    public const string FromRequired = "请选择开始日期";
    public const string ToRequired = "请选择结束日期";
    public const string DateInvalid = "日期格式不正确，应为年-月-日";
    public const string EndBeforeStart = "结束日期不能早于开始日期";
    public const string RangeTooLong = "查询区间不能超过92天";
    public const string ExportGone = "导出文件已下载或已过期，请重新导出";
}
