using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Statistics;

/// <summary>发送记录查询 › 详情 over every customer's records, with its exports.</summary>
public sealed class RecordDetailModel(RecordSearch search, ExportJobs jobs, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : RecordDetailPageModel(search, jobs, clock, localizer)
{
    protected override int? CustomerId => null;
    public override string BasePath => AdminRecordPaths.Base;
    protected override string JobOwner => AdminRecordPaths.Owner(User);
}
