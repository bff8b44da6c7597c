using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Sms;

internal static class QueryRequestFactory
{
    public static RpcRequest QuerySendDetails(QuerySendDetailsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PhoneNumber);
        Paging.Validate(request.CurrentPage, request.PageSize);
        return new RpcRequest("QuerySendDetails")
            .Add("PhoneNumber", request.PhoneNumber.Trim())
            .Add("BizId", request.BizId)
            .Add("SendDate", ChinaTime.FormatDate(request.SendDate))
            .Add("PageSize", request.PageSize)
            .Add("CurrentPage", request.CurrentPage);
    }

    public static RpcRequest QuerySendStatistics(QuerySendStatisticsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Paging.Validate(request.PageIndex, request.PageSize);
        return new RpcRequest("QuerySendStatistics")
            .Add("IsGlobe", request.International ? 2 : 1)
            .Add("StartDate", ChinaTime.FormatDate(request.StartDate))
            .Add("EndDate", ChinaTime.FormatDate(request.EndDate))
            .Add("PageIndex", request.PageIndex)
            .Add("PageSize", request.PageSize)
            .Add("TemplateType", request.TemplateType)
            .Add("SignName", request.SignName);
    }
}
