namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// Every /api/v1 error is a ProblemDetails with a stable English <c>code</c> extension for programs and a
/// Chinese <c>detail</c> for people.
/// </summary>
public static class ApiProblems
{
    public static IResult Unauthorized(string code, string title, string detail) =>
        Problem(StatusCodes.Status401Unauthorized, title, code, detail);

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found", "NotFound", detail);

    public static IResult Refused(string code, string detail, IReadOnlyList<InvalidNumber>? invalidNumbers = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (invalidNumbers is { Count: > 0 }) extensions["invalidNumbers"] = invalidNumbers;
        return Results.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Request refused", extensions: extensions);
    }

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, ApiMessages.InvalidRequest, title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["code"] = "InvalidRequest" });

    public static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", "RequestTooLarge", ApiMessages.TooLarge);

    private static IResult Problem(int status, string title, string code, string detail) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
