using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Export;

namespace Qunfa.Web.Areas.Console.Pages.Records;

/// <summary>A background export of the customer's 发送记录查询: progress, then the file; another customer's job is 404.</summary>
public sealed class ExportModel(ExportJobs jobs, CurrentCustomer current) : RecordExportPageModel(jobs)
{
    protected override string JobOwner => ConsoleRecordPaths.Owner(current);
    public override string BasePath => ConsoleRecordPaths.Base;
}
