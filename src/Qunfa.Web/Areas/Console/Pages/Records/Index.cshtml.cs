using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Console.Pages.Records;

/// <summary>发送记录查询 over the customer's own records only.</summary>
public sealed class IndexModel(RecordSearch search, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : RecordQueryPageModel(search, clock, localizer)
{
    protected override int? CustomerId => current.Id;
    public override string BasePath => ConsoleRecordPaths.Base;
}

internal static class ConsoleRecordPaths
{
    public const string Base = "/console/records";

    public static string Owner(CurrentCustomer current) => "customer:" + current.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
