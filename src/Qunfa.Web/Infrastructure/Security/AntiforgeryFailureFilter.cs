using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>
/// A form posted with a missing or forged antiforgery token is refused (400) with a page that says
/// why, instead of an empty response; nothing of the form is processed.
/// </summary>
public sealed class AntiforgeryFailureFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
            context.Result = new ViewResult
            {
                ViewName = "/Pages/Shared/_RequestRejected.cshtml",
                StatusCode = StatusCodes.Status400BadRequest,
            };
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
