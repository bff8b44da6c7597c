using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages.Tasks;

/// <summary>One of the customer's own tasks and its recipients (10 a page). Another customer's task is 404.</summary>
public sealed class DetailModel(
    CustomerSendQueries queries,
    ConsoleTaskActions actions,
    AdminSendRecords sends,
    SendRecordExport export,
    TaskProgress progress,
    CurrentCustomer current,
    OperatorClock clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OperatorClock Clock => clock;
    public SendTask Task { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "phone")] public string? Phone { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public RecipientStatusFilter? Status { get; set; }
    public PagedList<SendRecord> Records { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public TaskProgress.Figures Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long? id, [FromQuery(Name = "p")] int? pageNumber, CancellationToken ct)
    {
        if (id is null || await queries.TaskAsync(current.Id, id.Value, ct) is not { } task) return NotFound();
        Task = task;
        Records = await queries.RecordsAsync(current.Id, task.Id, Phone, Status, new PageRequest(pageNumber, 10), ct);
        Pager = PagerModel.For(Records, Request, "/console/tasks/detail");
        Progress = await progress.OfAsync(task, ct);
        return Page();
    }

    /// <summary>The task's counts by status, polled by the page's script until the task settles.</summary>
    public async Task<IActionResult> OnGetProgressAsync(long? id, CancellationToken ct)
    {
        if (id is null || await progress.LoadAsync(current.Id, id.Value, ct) is not { } figures) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(figures with { State = localizer[figures.State] });
    }

    public bool CanCancel => ConsoleTaskActions.CanCancel(Task, clock.UtcNow);

    public async Task<IActionResult> OnPostCancelAsync(long? id, CancellationToken ct)
    {
        if (id is null || await queries.TaskAsync(current.Id, id.Value, ct) is null) return NotFound();
        var outcome = await actions.CancelAsync(current.Id, id.Value, ct);
        if (outcome.Succeeded) TempData["Saved"] = ConsoleSendMessages.Cancelled;
        else TempData["Problem"] = outcome.Errors.SelectMany(e => e.Value).First();
        return Redirect($"/console/tasks/detail?id={id}");
    }

    /// <summary>下载失败号码 of one of the customer's own tasks.</summary>
    public async Task<IActionResult> OnGetFailedAsync(long? id, CancellationToken ct)
    {
        if (id is null || await sends.FindAsync(id.Value, ct) is not { } task || task.CustomerId != current.Id) return NotFound();
        var file = await export.WriteAsync(task, RecipientStatus.Failed, ct);
        return File(file, SendRecordExport.ContentType, SendRecordExport.FileName(task, RecipientStatus.Failed, clock.ToLocal(clock.UtcNow)));
    }

    /// <summary>
    /// 发送时间 of one recipient: when the carrier took it; while it waits, when it went out or is due. A claimed
    /// record's NextAttemptAt is the deadline for recovering the claim, never a time to show.
    /// </summary>
    public DateTimeOffset SendTime(SendRecord record) => record.SubmittedAt
        ?? (record.Status == RecipientStatus.Submitting ? record.ClaimedAt : null)
        ?? (record.Status == RecipientStatus.Queued ? record.NextAttemptAt : null)
        ?? CustomerSendQueries.SendTime(Task);
}
