using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Statistics;

/// <summary>
/// 发送量统计's filters, read from the query string; bad values are dropped or corrected with a message. A reversed range is
/// kept as typed and <see cref="IsEmpty"/>: nothing is queried.
/// </summary>
public sealed record VolumeFilter(DateOnly From, DateOnly To, int? CustomerId, string? SignName, TemplateType? TemplateType, string? TemplateName)
{
    public bool IsEmpty => To < From;

    public const int DefaultDays = 30;
    public const int MaxDays = 366;
    public const int MaxTextLength = 64;

    /// <summary>The filter and, when something had to be corrected, why (a Chinese message).</summary>
    public static (VolumeFilter Filter, string? Problem) Parse(string? from, string? to, string? customer, string? sign, string? type, string? template, DateOnly today)
    {
        string? problem = null;
        var end = Day(from is null && to is null ? null : to, ref problem) ?? today;
        var start = Day(from, ref problem) ?? end.AddDays(1 - DefaultDays);
        if (start > end) problem = DayRange.EndBeforeStartMessage;
        else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            start = end.AddDays(1 - MaxDays);
            problem = "日期区间最长366天，已按结束日期往前截取";
        }
        int? customerId = int.TryParse(customer, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
        TemplateType? templateType = Enum.TryParse<TemplateType>(type, ignoreCase: false, out var t) && Enum.IsDefined(t) ? t : null;
        return (new VolumeFilter(start, end, customerId, Text(sign), templateType, Text(template)), problem);
    }

    private static DateOnly? Day(string? text, ref string? problem)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problem = "日期格式不正确，请使用 年-月-日";
        return null;
    }

    private static string? Text(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length > MaxTextLength ? text[..MaxTextLength] : text;
    }
}

/// <summary>One day of 发送量统计. 发送总量 leaves out cancelled numbers; 未回执 is neither delivered nor failed (waiting, or 未知).</summary>
public sealed record VolumeRow(DateOnly Day, long Total, long Delivered, long Failed, long Segments)
{
    public long NoReceipt => Total - Delivered - Failed;

    /// <summary>成功率 as shown, or an em dash on a day without sending.</summary>
    public string SuccessRate => Total == 0 ? "—" : (Delivered * 100m / Total).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public string DayText => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Daily volume from the rollups (never the recipient rows): every day of the range, newest first, and the total.</summary>
public sealed class VolumeQuery(QunfaDbContext db)
{
    public sealed record Result(IReadOnlyList<VolumeRow> Days, VolumeRow Total);

    public async Task<Result> LoadAsync(VolumeFilter f, CancellationToken ct)
    {
        if (f.IsEmpty) return new Result([], new VolumeRow(f.To, 0, 0, 0, 0));
        var query = db.SendRollups.AsNoTracking().Where(r => r.Day >= f.From && r.Day <= f.To);
        if (f.CustomerId is { } customer) query = query.Where(r => r.CustomerId == customer);
        if (f.SignName is { } sign) query = query.Where(r => r.SignName.Contains(sign));
        if (f.TemplateType is { } type) query = query.Where(r => r.TemplateType == type);
        if (f.TemplateName is { } name) query = query.Where(r => r.TemplateName.Contains(name));
        var sums = await query.GroupBy(r => r.Day)
            .Select(g => new VolumeRow(g.Key, g.Sum(r => r.Numbers - r.Cancelled), g.Sum(r => r.Delivered), g.Sum(r => r.Failed), g.Sum(r => r.Segments - r.RefundedSegments)))
            .ToDictionaryAsync(r => r.Day, ct);
        var days = new List<VolumeRow>(f.To.DayNumber - f.From.DayNumber + 1);
        for (var day = f.To; day >= f.From; day = day.AddDays(-1))
            days.Add(sums.GetValueOrDefault(day) ?? new VolumeRow(day, 0, 0, 0, 0));
        var total = new VolumeRow(f.To, days.Sum(d => d.Total), days.Sum(d => d.Delivered), days.Sum(d => d.Failed), days.Sum(d => d.Segments));
        return new Result(days, total);
    }
}
