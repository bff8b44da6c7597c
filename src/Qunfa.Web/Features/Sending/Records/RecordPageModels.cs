using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Sending.Admin;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Sending.Records;

/// <summary>
/// What the admin's and the customer's 发送记录查询 pages share: the filters as URL parameters, checked into a
/// <see cref="RecordQuery"/>. Each console says whose records it shows, where it lives and who owns its exports.
/// </summary>
public abstract class RecordFilterPageModel(OperatorClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public OperatorClock Clock => clock;
    [BindProperty(SupportsGet = true, Name = "by")] public string? By { get; set; }
    [BindProperty(SupportsGet = true, Name = "phone")] public string? Phone { get; set; }
    [BindProperty(SupportsGet = true, Name = "template")] public string? Template { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }

    /// <summary>The checked query, or null when nothing was asked or the input was refused.</summary>
    public RecordQuery? Query { get; private set; }

    /// <summary>Null: every customer's records (admin); otherwise only this customer's.</summary>
    protected abstract int? CustomerId { get; }

    /// <summary>The query page's path; 详情 and the export progress live under it.</summary>
    public abstract string BasePath { get; }

    public bool ByTemplate => string.Equals(By, "template", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the filters; a refusal is shown on the page and nothing is run.</summary>
    protected bool TryParse()
    {
        var (query, outcome) = RecordQuery.Parse(By, Phone, Template, Status, From, To, CustomerId);
        Show(outcome);
        Query = query;
        return query is not null;
    }

    protected void Show(Outcome outcome)
    {
        foreach (var message in outcome.Errors.Values.SelectMany(m => m))
            ModelState.AddModelError("", localizer[message]);
    }

    public string Link(string path, RecordQuery query, IDictionary<string, string?>? extra = null)
    {
        var parameters = query.ToParameters();
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) parameters[k] = v;
        return QueryHelpers.AddQueryString(path, parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}

/// <summary>发送记录查询: the two forms (by number and status, by template) and the 统计信息 of the query with its 详情 link.</summary>
public abstract class RecordQueryPageModel(RecordSearch search, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : RecordFilterPageModel(clock, localizer)
{
    public IReadOnlyList<TemplateChoice> Choices { get; private set; } = [];
    public PhoneSummary? PhoneResult { get; private set; }
    public IReadOnlyList<TemplateSummary>? TemplateResults { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await search.TemplateChoicesAsync(CustomerId, ct);
        if (By is null)
        {
            // First visit: the last seven days, nothing run yet.
            From ??= RecordQuery.Day(Clock.Today.AddDays(-6));
            To ??= RecordQuery.Day(Clock.Today);
            return;
        }
        if (!TryParse()) return;
        if (Query!.Mode == RecordQueryMode.Phone) PhoneResult = await search.PhoneSummaryAsync(Query, ct);
        else TemplateResults = await search.TemplateSummariesAsync(Query, ct);
    }
}

/// <summary>详情: the query's records, searchable by number and status, paged; 导出 as xlsx or csv (large ones in the background).</summary>
public abstract class RecordDetailPageModel(RecordSearch search, ExportJobs jobs, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : RecordFilterPageModel(clock, localizer)
{
    public PagedList<AdminRecordRow>? Records { get; private set; }
    public PagerModel? Pager { get; private set; }

    /// <summary>Whose export jobs these are.</summary>
    protected abstract string JobOwner { get; }

    /// <summary>Called once an export is about to be written, under the name that describes its filters.</summary>
    protected virtual Task OnExportingAsync(string fileName, CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync([FromQuery(Name = "p")] int? pageNumber, int? size, CancellationToken ct)
    {
        if (!TryParse()) return;
        Records = await search.PageAsync(Query!, new PageRequest(pageNumber, size), ct);
        Pager = PagerModel.For(Records, Request, BasePath + "/detail");
    }

    /// <summary>导出: small results straight away; above the threshold a background job and its progress page.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!TableFile.TryParse(format, out var fileFormat)) return BadRequest();
        if (!TryParse()) return Page();
        var query = Query!;
        var name = RecordExport.FileName(query, fileFormat);
        var total = await search.CountAsync(query, ct);
        await OnExportingAsync(name, ct);
        if (total <= jobs.Threshold)
        {
            var file = await TableFile.WriteTempAsync(RecordExport.Rows(search.Stream(query), Clock), fileFormat, RecordExport.SheetName, ct);
            return File(file, TableFile.ContentType(fileFormat), name);
        }
        var clock = Clock;
        var job = jobs.Running(JobOwner)
            ?? jobs.Start(JobOwner, name, fileFormat, RecordExport.SheetName, total,
                services => RecordExport.Rows(services.GetRequiredService<RecordSearch>().Stream(query), clock));
        return Redirect(BasePath + "/export?job=" + job.Id);
    }
}

/// <summary>A background export's progress (polled as JSON by export-progress.js) and, once written, its download; only its owner sees it.</summary>
public abstract class RecordExportPageModel(ExportJobs jobs) : PageModel
{
    public ExportJob Job { get; private set; } = null!;

    protected abstract string JobOwner { get; }

    public abstract string BasePath { get; }

    public string StatusUrl => BasePath + "/export?handler=Status&job=" + Job.Id;

    public string DownloadUrl => BasePath + "/export?handler=Download&job=" + Job.Id;

    public IActionResult OnGet(string? job)
    {
        if (jobs.Find(job, JobOwner) is not { } found) return NotFound();
        Job = found;
        return Page();
    }

    public IActionResult OnGetStatus(string? job)
    {
        if (jobs.Find(job, JobOwner) is not { } found) return NotFound();
        Job = found;
        return new JsonResult(new
        {
            state = found.State.ToString().ToLowerInvariant(),
            written = found.Written,
            total = found.Total,
            percent = found.Percent,
            download = found.State == ExportJobState.Done ? DownloadUrl : null,
        });
    }

    public IActionResult OnGetDownload(string? job)
    {
        if (jobs.Find(job, JobOwner) is not { } found || jobs.Take(job, JobOwner) is not { } file) return NotFound();
        return File(file, TableFile.ContentType(found.Format), found.FileName);
    }
}
