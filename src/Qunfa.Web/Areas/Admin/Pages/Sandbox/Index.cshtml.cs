using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Emulators;
using Qunfa.Web.Features.Sandbox;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Sandbox;

/// <summary>沙箱短信: every message the sandbox carrier accepted or sent itself, newest first, searchable.</summary>
public sealed class IndexModel(SandboxMessages sandbox, OperatorClock clock) : PageModel
{
    public OperatorClock Clock => clock;
    public bool IsActive => sandbox.Active is not null;
    public bool IsExternal => sandbox.IsExternal;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public PagedList<EmulatorSentSms> Messages { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public void OnGet([FromQuery(Name = "p")] int? pageNumber, int? size)
    {
        Messages = sandbox.Search(Query, new PageRequest(pageNumber, size));
        Pager = PagerModel.For(Messages, Request, "/admin/sandbox");
    }

    /// <summary>SendStatus as QuerySendDetails numbers it: 1 waiting for the receipt, 2 failed, 3 delivered.</summary>
    public static string StatusLabel(EmulatorSentSms m) => m.SendStatus switch
    {
        3 => "发送成功",
        2 => "发送失败",
        _ => "等待回执",
    };
}
