using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>
/// Reads a posted form before the antiforgery check would, so that a form which cannot be read is refused with
/// what was wrong with it (too large, with the limit; invalid characters) instead of the antiforgery refusal's
/// "the page has expired".
/// A NUL that the multipart reader lets through is refused the same way, so no field ever carries one.
/// Nothing of a refused form is processed.
/// </summary>
public sealed class FormReadFailureFilter(IOptions<FormOptions> formOptions) : IAsyncAuthorizationFilter
{
    /// <summary>After the page's request size and form limits (900), before the antiforgery check (1000).</summary>
    public const int Order = 950;
    public const string ReasonKey = "RejectedReason";
    public const string LimitKey = "RejectedLimit";

    public const string TooLarge = "上传的文件过大，不能超过{0}，没有做任何更改。";
    public const string TooMuch = "提交的内容过多或过长，没有做任何更改。";
    public const string InvalidCharacters = "提交的内容含有无效字符（如空字符），没有做任何更改。请删除后重试。";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || !http.Request.HasFormContentType) return;
        var limit = Limit(context);
        var reason = http.Request.ContentLength > limit ? RefuseUnread(http) : await ReadAsync(http);
        if (reason is null) return;

        var viewData = new ViewDataDictionary(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), context.ModelState)
        {
            [ReasonKey] = reason,
            [LimitKey] = Megabytes(limit),
        };
        context.Result = new ViewResult
        {
            ViewName = "/Pages/Shared/_RequestRejected.cshtml",
            StatusCode = reason == TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            ViewData = viewData,
        };
    }

    /// <summary>
    /// Too large by its Content-Length, said before a byte of the body is read. Kestrel then drains the upload for a
    /// few seconds so that the browser, still sending, gets this answer instead of a reset connection; the page's
    /// own body size limit would make it give up at once.
    /// </summary>
    private static string RefuseUnread(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = null;
        return TooLarge;
    }

    /// <summary>What was wrong with the form, or null when it was read and holds no NUL.</summary>
    private static async Task<string?> ReadAsync(HttpContext http)
    {
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return ContainsNul(form) ? InvalidCharacters : null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge;
        }
        catch (InvalidDataException e)
        {
            // The form readers tell their failures apart only by message.
            return e.Message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) ? InvalidCharacters
                : e.Message.Contains("Multipart body length limit", StringComparison.Ordinal) ? TooLarge
                : TooMuch;
        }
    }

    private static bool ContainsNul(IFormCollection form)
    {
        foreach (var (key, values) in form)
        {
            if (key.Contains('\0')) return true;
            foreach (var value in values)
                if (value is not null && value.Contains('\0')) return true;
        }
        return form.Files.Any(f => f.FileName.Contains('\0') || f.Name.Contains('\0'));
    }

    /// <summary>The smaller of the request body limit and the form's multipart limit that applied to this page.</summary>
    private long Limit(AuthorizationFilterContext context)
    {
        var multipart = context.ActionDescriptor.EndpointMetadata.OfType<RequestFormLimitsAttribute>().LastOrDefault()?.MultipartBodyLengthLimit
            ?? formOptions.Value.MultipartBodyLengthLimit;
        var body = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return body is { } b && b < multipart ? b : multipart;
    }

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + "MB";
}
