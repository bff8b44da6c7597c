using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Sends;

/// <summary>发送记录 › 查看: the manual's card of one send; 有效号码 lists the first numbers and offers the rest as a download.</summary>
public sealed class RecordModel(AdminSendRecords sends, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public AdminTaskRow Detail { get; private set; } = null!;
    public IReadOnlyList<string> Numbers { get; private set; } = [];
    public int NumberTotal { get; private set; }
    public bool Truncated => NumberTotal > Numbers.Count;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await sends.FindAsync(id, ct) is not { } task) return NotFound();
        Detail = task;
        Numbers = await sends.NumbersAsync(id, AdminSendRecords.NumberPreviewLimit, ct);
        NumberTotal = Numbers.Count < AdminSendRecords.NumberPreviewLimit ? Numbers.Count : await sends.NumberTotalAsync(id, ct);
        return Page();
    }
}
