using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Qunfa.Web.Features.HttpApi;
using Qunfa.Web.Features.Sending.Checks;

namespace Qunfa.Web.Api;

/// <summary>The customer HTTP API; <see cref="ApiSignatureMiddleware"/> has checked the signature before any of these run.</summary>
public static class ApiV1Endpoints
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapApiV1Endpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithGroupName(ApiDocs.DocumentName).WithTags("Qunfa API");
        api.ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/sms/send", async (HttpContext http, ApiSendService sending, ApiDeferredChecks checks, CancellationToken ct) =>
            {
                var caller = ApiCaller.Of(http);
                var answer = await SendAsync(caller, sending, ct);
                if (answer is not null && caller.Credential.WriteCheck is not { Passed: false }) return answer;
                // Refused on what memory held, or the write found it out of date: checked as any request is, then answered afresh.
                var (verified, rejection) = await checks.CompleteAsync(http, caller, ct);
                return rejection ?? (await SendAsync(verified!, sending, ct))!;
            })
            .WithMetadata(new ChecksInTheWrite())
            .Accepts<SendSmsRequest>("application/json")
            .Produces<SendSmsAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("发送短信")
            .WithDescription("phoneNumbers（1–1000个，使用templateParam中的共同变量值）与items（1–1000个，每个号码自己的变量值）二选一，并可加上groupIds（通讯录分组，只能是您自己的分组；不存在或他人的分组编号会被拒绝，不发送任何短信），同一号码只发送一次；scheduledAt为带时区的ISO 8601时间，省略即立即发送。无效号码不发送、不计费，在invalidNumbers中列出。");

        api.MapGet("/tasks", async ([FromQuery, Description("您发送时填写的outId；省略则列出全部任务")] string? outId,
                [FromQuery, Description("页码，从1开始")] int? p, [FromQuery, Description("每页条数，1–50，默认20")] int? size,
                HttpContext http, ApiQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.TasksAsync(ApiCaller.Of(http).CustomerId, outId, Math.Max(p ?? 1, 1), Math.Clamp(size ?? 20, 1, ApiQueries.MaxPageSize), ct)))
            .Produces<TaskPage>()
            .WithSummary("任务列表")
            .WithDescription("您的任务，新的在前，分页；带outId时只列出发送时填写了该outId的任务。");

        api.MapGet("/tasks/{id:long}", async ([Description("发送时返回的taskId")] long id, HttpContext http, ApiQueries queries, CancellationToken ct) =>
                await queries.TaskAsync(ApiCaller.Of(http).CustomerId, id, ct) is { } task
                    ? Results.Ok(task)
                    : ApiProblems.NotFound(ApiMessages.TaskNotFound))
            .Produces<TaskStatusResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("查询任务状态")
            .WithDescription("号码数、成功、失败与待回执数量，创建与完成时间。");

        api.MapGet("/tasks/{id:long}/recipients", async ([Description("发送时返回的taskId")] long id, [FromQuery, Description("要查询的手机号码")] string? phone,
                HttpContext http, ApiQueries queries, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(phone)) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["phone"] = [ApiMessages.PhoneRequired] });
                return await queries.TaskRecipientsAsync(ApiCaller.Of(http).CustomerId, id, phone, ct) is { } records
                    ? Results.Ok(records)
                    : ApiProblems.NotFound(ApiMessages.TaskNotFound);
            })
            .Produces<List<RecipientRecord>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("查询任务中某个号码的发送详情")
            .WithDescription("返回该号码在任务中的记录：状态（queued、submitted、delivered、failed）、运营商回执代码与说明、提交与回执时间。");

        api.MapGet("/records", async ([FromQuery, Description("手机号码")] string? phone, [FromQuery, Description("平台时区的日期，yyyy-MM-dd")] string? date,
                [FromQuery, Description("页码，从1开始")] int? p, [FromQuery, Description("每页条数，1–50，默认20")] int? size,
                HttpContext http, ApiQueries queries, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(phone)) errors["phone"] = [ApiMessages.PhoneRequired];
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    errors["date"] = [ApiMessages.DateInvalid];
                if (errors.Count > 0) return ApiProblems.Invalid(errors);
                var pageSize = Math.Clamp(size ?? 20, 1, ApiQueries.MaxPageSize);
                return Results.Ok(await queries.RecordsAsync(ApiCaller.Of(http).CustomerId, phone!, day, Math.Max(p ?? 1, 1), pageSize, ct));
            })
            .Produces<RecordPage>()
            .ProducesValidationProblem()
            .WithSummary("按号码和日期查询发送记录")
            .WithDescription("date为平台时区的日期（yyyy-MM-dd），按任务创建时间；p为页码（从1开始），size为每页条数（最多50）。");

        api.MapGet("/balance", async (HttpContext http, ApiQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.BalanceAsync(ApiCaller.Of(http).CustomerId, ct)))
            .Produces<BalanceResponse>()
            .WithSummary("查询短信余量")
            .WithDescription("按短信包类型（general、notification、promotion、verificationCode）汇总有效期内、已启用的短信包：规格、已使用、余量。发送时先用同类型短信包，不足时用通用类。");

        api.MapGet("/signatures", async (HttpContext http, ApiQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.SignaturesAsync(ApiCaller.Of(http).CustomerId, ct)))
            .Produces<List<SignatureItem>>()
            .WithSummary("签名列表")
            .WithDescription("您的签名及审核状态（pending、underReview、approved、rejected）。");

        api.MapGet("/templates", async (HttpContext http, ApiQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.TemplatesAsync(ApiCaller.Of(http).CustomerId, ct)))
            .Produces<List<TemplateItem>>()
            .WithSummary("模板列表")
            .WithDescription("您的模板、模板Code及审核状态；发送时使用审核通过模板的templateCode。");

        // Unknown API paths answer like every other API error rather than with an empty 404.
        app.MapFallback(Prefix + "/{**path}", () => ApiProblems.NotFound(ApiMessages.NoSuchEndpoint)).ExcludeFromDescription();
        return app;
    }

    /// <summary>The answer to a send, or null when the checks left to its write failed there (nothing was written).</summary>
    private static async Task<IResult?> SendAsync(ApiCaller caller, ApiSendService sending, CancellationToken ct)
    {
        var (request, errors) = ApiSendService.Parse(caller.Body);
        if (request is null) return ApiProblems.Invalid(errors);
        try
        {
            var (accepted, refusal) = await sending.SendAsync(caller.Credential, request, ct);
            if (refusal is not null) return ApiProblems.Refused(refusal.Code, refusal.Message, refusal.InvalidNumbers);
            return Results.Accepted($"{Prefix}/tasks/{accepted!.TaskId}", accepted);
        }
        catch (WriteTimeCheck.FailedException) when (caller.Credential.WriteCheck is not null)
        {
            return null;
        }
    }
}
