using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Sends;

/// <summary>
/// 任务记录 › 查看: the 发送组记录 (counts, segments, the numbers per feedback code), then 发送成功详情 and 发送失败详情,
/// each searched by number and paged on its own query parameters (sq/sp/ss and fq/fp/fs).
/// </summary>
public sealed class TaskModel(AdminSendRecords sends, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public AdminTaskRow Detail { get; private set; } = null!;
    public TaskTally Tally { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "sq")] public string? SuccessPhone { get; set; }
    [BindProperty(SupportsGet = true, Name = "fq")] public string? FailurePhone { get; set; }
    public PagedList<AdminRecordRow> Delivered { get; private set; } = null!;
    public PagedList<AdminRecordRow> Failed { get; private set; } = null!;
    public PagerModel DeliveredPager { get; private set; } = null!;
    public PagerModel FailedPager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id,
        [FromQuery(Name = "sp")] int? successPage, [FromQuery(Name = "ss")] int? successSize,
        [FromQuery(Name = "fp")] int? failurePage, [FromQuery(Name = "fs")] int? failureSize, CancellationToken ct)
    {
        if (await sends.FindAsync(id, ct) is not { } task) return NotFound();
        Detail = task;
        Tally = await sends.TallyAsync(id, ct);
        Delivered = await sends.RecordsAsync(task, RecipientStatus.Delivered, SuccessPhone, new PageRequest(successPage, successSize), ct);
        Failed = await sends.RecordsAsync(task, RecipientStatus.Failed, FailurePhone, new PageRequest(failurePage, failureSize), ct);
        DeliveredPager = Pager(Delivered, "sp", "ss");
        FailedPager = Pager(Failed, "fp", "fs");
        return Page();
    }

    /// <summary>A pager for one list that keeps every other parameter (the other list's page and search included).</summary>
    private PagerModel Pager(PagedList<AdminRecordRow> list, string pageKey, string sizeKey)
    {
        var query = Request.Query.Where(q => q.Key != pageKey && q.Key != sizeKey)
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        string Url(int page, int size) => QueryHelpers.AddQueryString("/admin/sends/task",
            new Dictionary<string, string?>(query)
            {
                [pageKey] = page.ToString(CultureInfo.InvariantCulture),
                [sizeKey] = size.ToString(CultureInfo.InvariantCulture),
            });
        return new PagerModel(list.Total, list.Page.Number, list.Page.Size, list.PageCount, Url);
    }
}
