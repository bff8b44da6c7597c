using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Contacts;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Paging;

namespace Qunfa.Web.Areas.Console.Pages.Contacts;

/// <summary>One group's contacts: search, paging, export, and deleting chosen contacts after confirming. Another customer's group is 404.</summary>
public sealed class GroupModel(ContactBook book, ContactExport export, CurrentCustomer current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    public GroupSummary Group { get; private set; } = null!;
    public PagedList<ContactRow> Contacts { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    /// <summary>The contacts a delete is waiting to be confirmed for (only this customer's are counted).</summary>
    public IReadOnlyList<long>? Deleting { get; private set; }
    public int DeletingCount { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        if (await book.GroupAsync(current.Id, Id, ct) is not { } group) return NotFound();
        Group = group;
        Contacts = await book.ContactsAsync(current.Id, Id, Search, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Contacts, Request, "/console/contacts/group");
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!TableFile.TryParse(format, out var tableFormat)) return BadRequest();
        if (await export.WriteAsync(current.Id, Id, tableFormat, ct) is not { } file) return NotFound();
        return File(file.File, TableFile.ContentType(tableFormat), file.Name);
    }

    /// <summary>Without <paramref name="confirmed"/> the page asks first; nothing is deleted until it is answered.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(List<long> ids, bool confirmed, CancellationToken ct)
    {
        if (!await ContactPermissions.MayDeleteAsync(current, ct)) return Forbid();
        if (await book.GroupAsync(current.Id, Id, ct) is null) return NotFound();
        if (ids.Count == 0)
        {
            ModelState.AddModelError("", localizer[ContactMessages.NothingChosen]);
            return await OnGetAsync(null, null, ct);
        }
        if (!confirmed)
        {
            DeletingCount = await book.CountOwnAsync(current.Id, ids, ct);
            if (DeletingCount == 0) return NotFound();
            Deleting = ids;
            return await OnGetAsync(null, null, ct);
        }
        var deleted = await book.DeleteContactsAsync(current.Id, ids, ct);
        TempData["Saved"] = localizer[ContactMessages.ContactsDeleted, deleted].Value;
        return Redirect($"/console/contacts/group?id={Id}");
    }
}
