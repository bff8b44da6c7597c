using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Contacts;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages;

/// <summary>
/// 发送短信 in two steps without script: 预览 stores the numbers on the server and shows what would be sent and
/// billed; 确认发送 reads the stored numbers again and hands the send to the engine.
/// </summary>
[RequestSizeLimit(RecipientReader.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RecipientReader.MaxBytes + 1024 * 1024)]
public sealed class SendModel(SendComposer composer, ConsoleTaskActions actions, RecipientProgress progress, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer,
    ContactBook contacts) : PageModel
{
    public OperatorClock Clock => clock;

    [BindProperty]
    public SendInput Input { get; set; } = new();

    public IReadOnlyList<SignChoice> Signatures { get; private set; } = [];
    public IReadOnlyList<TemplateChoice> Templates { get; private set; } = [];
    public TemplateChoice? Template => Templates.FirstOrDefault(t => t.Id == Input.TemplateId);
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public SendPreview? Preview { get; private set; }
    /// <summary>Whether the preview found nothing that would refuse the send.</summary>
    public bool CanConfirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? templateId, string? sign, long? resendTask, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (resendTask is { } taskId)
        {
            // 重新发送失败号码: the failed numbers of that task, previewed like any other list.
            if (await actions.ResendFailedAsync(current.Id, taskId, ct) is not { } input)
            {
                ModelState.AddModelError("", localizer[ConsoleSendMessages.NoFailedNumbers]);
                return Page();
            }
            Input = input;
            var (preview, outcome) = await composer.PreviewAsync(current.Id, Input, ct);
            Preview = preview;
            CanConfirm = preview is not null && outcome.Succeeded;
            AddErrors(outcome);
            return Page();
        }
        Input.TemplateId = templateId ?? Templates.FirstOrDefault()?.Id;
        Input.SignName = sign ?? Signatures.FirstOrDefault()?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (preview, outcome) = await composer.PreviewAsync(current.Id, Input, ct);
        Preview = preview;
        CanConfirm = preview is not null && outcome.Succeeded;
        ModelState.Clear();
        AddErrors(outcome);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var (accepted, outcome) = await composer.ConfirmAsync(current.Id, Input, ct, current.MemberId);
        if (accepted is not null)
        {
            TempData["Saved"] = ConsoleSendMessages.Submitted;
            return Redirect($"/console/tasks/detail?id={accepted.TaskId}");
        }
        await LoadAsync(ct);
        ModelState.Clear();
        AddErrors(outcome);
        return Page();
    }

    /// <summary>How many rows the running preview or confirm has read so far (polled by the page's script).</summary>
    public IActionResult OnGetProgress(string? id) =>
        progress.Find(current.Id, id) is { } counter ? new JsonResult(new { rows = counter.Rows, done = counter.Done }) : NotFound();

    public IActionResult OnGetInvalid(string? token)
    {
        var path = composer.InvalidCsvPath(current.Id, token);
        if (path is null) return NotFound();
        return PhysicalFile(path, "text/csv; charset=utf-8", "无效号码.csv");
    }

    public IActionResult OnGetOptedOut(string? token)
    {
        var path = composer.OptedOutCsvPath(current.Id, token);
        if (path is null) return NotFound();
        return PhysicalFile(path, "text/csv; charset=utf-8", "已退订号码.csv");
    }

    /// <summary>Messages of fields the form shows go beside them; every other one (the engine's Recipients, …) on top.</summary>
    private void AddErrors(Outcome outcome)
    {
        foreach (var (field, messages) in outcome.Errors)
            foreach (var message in messages)
                ModelState.AddModelError(field is "SignName" or "TemplateId" or "Numbers" or "ScheduledAt" ? "Input." + field : "", localizer[message]);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Signatures = await composer.SignaturesAsync(current.Id, ct);
        Templates = await composer.TemplatesAsync(current.Id, ct);
        Groups = await contacts.GroupsAsync(current.Id, ct);
    }
}
