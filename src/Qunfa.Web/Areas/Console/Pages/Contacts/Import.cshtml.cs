using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Contacts;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Contacts;

/// <summary>导入联系人 in two steps, as 发送短信: 预览 stores and checks the file, 确认导入 reads it again and saves it.</summary>
[RequestSizeLimit(RecipientReader.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RecipientReader.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(ContactImport import, ContactBook book, RecipientProgress progress, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public ImportInput Input { get; set; } = new();
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public ImportPreview? Preview { get; private set; }
    public bool CanConfirm { get; private set; }

    public async Task OnGetAsync(int? group, CancellationToken ct)
    {
        Groups = await book.GroupsAsync(current.Id, ct);
        Input.GroupId = Groups.Any(g => g.Id == group) ? group : null;
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Groups = await book.GroupsAsync(current.Id, ct);
        var (preview, outcome) = await import.PreviewAsync(current.Id, Input, ct);
        Preview = preview;
        CanConfirm = preview is not null && outcome.Succeeded;
        ModelState.Clear();
        ModelState.AddOutcome(outcome, localizer);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var (groupId, imported, outcome) = await import.ConfirmAsync(current.Id, Input, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = localizer[ContactMessages.Imported, imported].Value;
            return Redirect($"/console/contacts/group?id={groupId}");
        }
        Groups = await book.GroupsAsync(current.Id, ct);
        ModelState.Clear();
        ModelState.AddOutcome(outcome, localizer);
        return Page();
    }

    /// <summary>How many rows the running preview or import has read so far (polled by the page's script).</summary>
    public IActionResult OnGetProgress(string? id) =>
        progress.Find(current.Id, id) is { } counter ? new JsonResult(new { rows = counter.Rows, done = counter.Done }) : NotFound();

    public IActionResult OnGetInvalid(string? token) =>
        import.InvalidCsvPath(current.Id, token) is { } path ? PhysicalFile(path, "text/csv; charset=utf-8", "无效号码.csv") : NotFound();
}
