using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.GoLive;
using Qunfa.Web.Features.Push;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Settings;

public sealed class CarrierModel(CarrierAccountService carrier, PushTokenService pushTokens, SandboxUseQuery sandbox, AdminLogWriter log, OperatorClock clock) : PageModel
{
    public const string PushUrlsRegenerated = "推送地址已重新生成，请到阿里云控制台更新";

    public OperatorClock Clock => clock;
    public List<CarrierAccount> Accounts { get; private set; } = [];
    /// <summary>What to paste at Alibaba as the HTTP batch push URLs of 状态报告 and 上行消息.</summary>
    public string ReportPushUrl { get; private set; } = "";
    public string ReplyPushUrl { get; private set; } = "";
    public SandboxNotice Sandbox { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Accounts = await carrier.ListAsync(ct);
        Sandbox = sandbox.ForCarrier(Accounts.FirstOrDefault());
        var token = await pushTokens.GetOrCreateAsync(ct);
        var origin = $"{Request.Scheme}://{Request.Host}";
        ReportPushUrl = origin + PushTokenService.ReportPath(token);
        ReplyPushUrl = origin + PushTokenService.ReplyPath(token);
    }

    public async Task<IActionResult> OnPostRegeneratePushAsync(CancellationToken ct)
    {
        await pushTokens.RegenerateAsync(ct);
        await log.WriteAsync(AdminAction.UpdateCarrierAccount, true, detail: "重新生成推送地址", ct: ct);
        TempData["Saved"] = PushUrlsRegenerated;
        return Redirect("/admin/settings/carrier");
    }
}
