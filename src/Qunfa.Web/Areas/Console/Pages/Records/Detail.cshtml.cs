using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages.Records;

/// <summary>发送记录查询 › 详情 of the customer's own records, with its exports.</summary>
public sealed class DetailModel(RecordSearch search, ExportJobs jobs, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : RecordDetailPageModel(search, jobs, clock, localizer)
{
    protected override int? CustomerId => current.Id;
    public override string BasePath => ConsoleRecordPaths.Base;
    protected override string JobOwner => ConsoleRecordPaths.Owner(current);
}
