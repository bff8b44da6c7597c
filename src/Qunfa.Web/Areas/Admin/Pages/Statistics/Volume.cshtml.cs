using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Qunfa.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Customers.Admin;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Statistics;

/// <summary>
/// 发送量统计: daily volume from the rollups over a date range (last 30 days by default), filtered by customer,
/// signature, template type and template name; trend chart, 导出 xlsx / csv, and 重建统计 from the send records.
/// </summary>
public sealed class VolumeModel(
    VolumeQuery volume,
    CustomerDirectory customers,
    RollupRebuild rebuild,
    AdminLogWriter adminLog,
    OperatorClock clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "customer")] public string? Customer { get; set; }
    /// <summary>The text the customer list is narrowed by.</summary>
    [BindProperty(SupportsGet = true, Name = "cq")] public string? CustomerSearch { get; set; }
    [BindProperty(SupportsGet = true, Name = "sign")] public string? Sign { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "template")] public string? Template { get; set; }

    public VolumeFilter Filter { get; private set; } = null!;
    public string? Problem { get; private set; }
    public VolumeQuery.Result Result { get; private set; } = null!;
    public IReadOnlyList<CustomerChoice> CustomerChoices { get; private set; } = [];
    public CustomerChoice? ChosenCustomer { get; private set; }
    public bool MoreCustomers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Filter.CustomerId is not null && ChosenCustomer is null) Problem ??= "所选用户不存在";
        var matches = await customers.ChoicesAsync(CustomerSearch, ct);
        MoreCustomers = matches.Count >= CustomerDirectory.ChoiceLimit;
        CustomerChoices = ChosenCustomer is { } chosen && matches.All(c => c.Id != chosen.Id) ? [chosen, .. matches] : matches;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        await LoadAsync(ct);
        var type = format == "csv" ? TableFormat.Csv : TableFormat.Xlsx;
        var name = VolumeExport.FileName(Filter, ChosenCustomer?.CompanyName, type, clock.ToLocal(clock.UtcNow));
        await adminLog.WriteAsync(AdminAction.ExportSendVolume, succeeded: true, detail: name, ct: ct);
        return File(await VolumeExport.WriteAsync(Result, type, ct), TableFile.ContentType(type), name);
    }

    /// <summary>重建统计: recompute every rollup from the send records (after a restore, or a change of the operator's time zone).</summary>
    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        var rows = await rebuild.RunAsync(ct);
        await adminLog.WriteAsync(AdminAction.RebuildRollups, succeeded: true, detail: rows.ToString(CultureInfo.InvariantCulture), ct: ct);
        TempData["Saved"] = "统计已重建";
        return Redirect("/admin/statistics/volume");
    }

    /// <summary>The chart's data for wwwroot/js/volume-chart.js, oldest day first, with its localized series names.</summary>
    public string ChartJson() => JsonSerializer.Serialize(new
    {
        labels = Result.Days.Reverse().Select(d => d.DayText),
        links = Result.Days.Reverse().Select(DayLink),
        series = new[]
        {
            new { name = localizer["发送总量"].Value, color = "#0d6efd", values = Result.Days.Reverse().Select(d => d.Total) },
            new { name = localizer["发送成功"].Value, color = "#198754", values = Result.Days.Reverse().Select(d => d.Delivered) },
            new { name = localizer["发送失败"].Value, color = "#dc3545", values = Result.Days.Reverse().Select(d => d.Failed) },
        },
    });

    /// <summary>That day's tasks in 任务记录 (of the chosen customer, when there is one).</summary>
    public string DayLink(VolumeRow row) =>
        "/admin/sends/tasks" + QueryString.Create(new Dictionary<string, string?>
        {
            ["from"] = row.DayText,
            ["to"] = row.DayText,
            ["q"] = ChosenCustomer?.CompanyName,
        }.Where(kv => kv.Value is not null));

    /// <summary>导出 of what is shown: the filters as read, as query parameters.</summary>
    public string ExportLink(string format) =>
        "/admin/statistics/volume" + QueryString.Create(new Dictionary<string, string?>
        {
            ["handler"] = "Export",
            ["format"] = format,
            ["from"] = Filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = Filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["customer"] = Filter.CustomerId?.ToString(CultureInfo.InvariantCulture),
            ["sign"] = Filter.SignName,
            ["type"] = Filter.TemplateType?.ToString(),
            ["template"] = Filter.TemplateName,
        }.Where(kv => kv.Value is not null));

    private async Task LoadAsync(CancellationToken ct)
    {
        (Filter, Problem) = VolumeFilter.Parse(From, To, Customer, Sign, Type, Template, clock.Today);
        if (Problem is not null) ModelState.AddModelError("", localizer[Problem]);
        if (Filter.CustomerId is { } id) ChosenCustomer = (await customers.ChosenAsync([id], ct)).FirstOrDefault();
        Result = await volume.LoadAsync(Filter, ct);
    }
}
