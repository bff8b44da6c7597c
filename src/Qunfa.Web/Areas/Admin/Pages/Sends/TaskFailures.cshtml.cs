using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Sends;

/// <summary>下载失败号码: the task's failed numbers as xlsx, streamed from the database.</summary>
public sealed class TaskFailuresModel(AdminSendRecords sends, SendRecordExport export, OperatorClock clock) : PageModel
{
    private static readonly RecipientStatus? Only = RecipientStatus.Failed;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await sends.FindAsync(id, ct) is not { } task) return NotFound();
        var file = await export.WriteAsync(task, Only, ct);
        return File(file, SendRecordExport.ContentType, SendRecordExport.FileName(task, Only, clock.ToLocal(clock.UtcNow)));
    }
}
