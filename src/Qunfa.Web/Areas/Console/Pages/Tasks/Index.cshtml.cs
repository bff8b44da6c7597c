using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages.Tasks;

/// <summary>发送记录: the customer's own tasks, newest first.</summary>
public sealed class IndexModel(CustomerSendQueries queries, CurrentCustomer current, OperatorClock clock, Data.QunfaDbContext db) : PageModel
{
    public OperatorClock Clock => clock;
    public PagedList<SendTask> Tasks { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    /// <summary>发送人 names of the members among this page's tasks.</summary>
    public IReadOnlyDictionary<int, string> Senders { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Tasks = await queries.TasksAsync(current.Id, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Tasks, Request, "/console/tasks");
        Senders = await Features.Members.Senders.NamesAsync(db, Tasks.Items.Select(t => t.MemberId), ct);
    }
}
