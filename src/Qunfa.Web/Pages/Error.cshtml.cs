using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qunfa.Web.Pages;

/// <summary>
/// What a visitor sees instead of a stack trace or an empty body: unknown pages (404) and other refused requests
/// by their status code, and unhandled errors (500) with a reference that the log line of the error carries too.
/// The page has no handlers: a failed POST is shown through the same request, with its ?handler= still on it,
/// so the view describes the failure whatever method or handler was asked for.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    /// <summary>The request's trace identifier, shown for server errors only.</summary>
    public string? Reference { get; private set; }
    /// <summary>An admin page's failure leads back to the admin's 首页, any other to the portal's.</summary>
    public string HomePath { get; private set; } = "/";

    public void Describe()
    {
        if (Status != 0) return;
        var code = int.TryParse(RouteData.Values["code"] as string, out var c) ? c : (int?)null;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Status = failure is not null ? StatusCodes.Status500InternalServerError : code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? failure?.Path;
        if (original is not null && original.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)) HomePath = "/admin";
        (Title, Explanation) = Status switch
        {
            StatusCodes.Status404NotFound => ("页面不存在", "您访问的页面不存在，可能已被删除或地址有误。"),
            StatusCodes.Status403Forbidden => ("没有访问权限", "您没有权限访问此页面。"),
            >= 500 => ("出错了", "抱歉，处理您的请求时出错了，请稍后再试。"),
            _ => ("请求无效", "请求未能处理，没有做任何更改。请返回后重试。"),
        };
        if (Status < 500) return;
        Reference = HttpContext.TraceIdentifier;
        if (failure is not null)
            logger.LogError(failure.Error, "Unhandled error on {Method} {Path}, reference {Reference}", Request.Method, failure.Path, Reference);
    }
}
