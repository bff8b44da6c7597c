using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Contacts;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Areas.Console.Pages.Contacts;

/// <summary>通讯录: the customer's groups with their counts, a new group, a search over every contact, and deleting a group after confirming.</summary>
public sealed class IndexModel(ContactBook book, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class GroupInput
    {
        public string? GroupName { get; set; }
        public string? GroupRemark { get; set; }
    }

    [BindProperty] public GroupInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];
    public PagedList<ContactRow>? Found { get; private set; }
    public PagerModel? Pager { get; private set; }
    /// <summary>The group a delete is waiting to be confirmed for.</summary>
    public GroupSummary? Deleting { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        Groups = await book.GroupsAsync(current.Id, ct);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            Found = await book.ContactsAsync(current.Id, null, Search, new PageRequest(pageNumber, size), ct);
            Pager = PagerModel.For(Found, Request, "/console/contacts");
        }
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (_, outcome) = await book.CreateGroupAsync(current.Id, Input.GroupName, Input.GroupRemark, ct);
        if (outcome.Succeeded)
        {
            TempData["Saved"] = ContactMessages.GroupCreated;
            return Redirect("/console/contacts");
        }
        ModelState.AddOutcome(outcome, localizer);
        await OnGetAsync(null, null, ct);
        return Page();
    }

    /// <summary>Without <paramref name="confirmed"/> the page asks first; nothing is deleted until it is answered.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirmed, CancellationToken ct)
    {
        if (!await ContactPermissions.MayDeleteAsync(current, ct)) return Forbid();
        if (!confirmed)
        {
            Deleting = await book.GroupAsync(current.Id, id, ct);
            if (Deleting is null) return NotFound();
            ModelState.Clear();
            await OnGetAsync(null, null, ct);
            return Page();
        }
        if (!await book.DeleteGroupAsync(current.Id, id, ct)) return NotFound();
        TempData["Saved"] = ContactMessages.GroupDeleted;
        return Redirect("/console/contacts");
    }
}
