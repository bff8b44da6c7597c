using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Setup;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Pages.Setup;

/// <summary>
/// A wizard step page. Before any handler runs: after completion every step leads to 完成, and a step
/// beyond the one the wizard waits on leads back to that one with a message, and so does a later step for a
/// browser that has not given the 安装码.
/// </summary>
public abstract class SetupPageModel(SetupService setup, IStringLocalizer<SharedResource> localizer) : PageModel
{
    protected SetupService Setup => setup;
    protected IStringLocalizer<SharedResource> L => localizer;
    public abstract WizardStep PageStep { get; }
    public Installation Installation { get; private set; } = null!;

    public const string NoticeKey = "SetupNotice";

    /// <summary>Why the wizard brought the visitor here instead of where they were going.</summary>
    public string? Notice { get; private set; }

    public static string UrlOf(WizardStep step) => step switch
    {
        WizardStep.License => "/setup/license",
        WizardStep.AdminAccount => "/setup/admin",
        WizardStep.SystemInfo => "/setup/system",
        WizardStep.Portal => "/setup/portal",
        _ => "/setup/done",
    };

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Installation = await setup.GetAsync(HttpContext.RequestAborted);
        if (Installation.IsComplete && PageStep != WizardStep.Done)
        {
            TempData[NoticeKey] = SetupService.AlreadyCompleteMessage;
            context.Result = Redirect(UrlOf(WizardStep.Done));
            return;
        }
        if (PageStep > Installation.Step)
        {
            TempData[NoticeKey] = SetupService.OutOfOrderMessage;
            context.Result = Redirect(UrlOf(Installation.Step));
            return;
        }
        // Until this browser gave the 安装码, the later steps are not even shown.
        if (PageStep is > WizardStep.License and < WizardStep.Done && !setup.HasAccess(Installation))
        {
            TempData[NoticeKey] = SetupService.CodeRequiredMessage;
            context.Result = Redirect(UrlOf(WizardStep.License));
            return;
        }
        Notice = TempData[NoticeKey] as string;
        await next();
    }

    /// <summary>Runs the step unless a value could not even be read (binder message already beside it).</summary>
    protected async Task<IActionResult> SubmitAsync(Func<Task<Outcome>> submit, WizardStep next)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await submit();
        if (outcome.Succeeded) return Redirect(UrlOf(next));
        ModelState.AddOutcome(outcome, L);
        return Page();
    }
}
