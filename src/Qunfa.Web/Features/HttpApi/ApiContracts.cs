using System.ComponentModel;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// POST /api/v1/sms/send: either phoneNumbers with common templateParam, or items with each number's own values.
/// Only signName and templateCode are required: the parameters with defaults are optional in the OpenAPI schema.
/// </summary>
public sealed record SendSmsRequest(
    [property: Description("审核通过的签名名称")] string? SignName,
    [property: Description("审核通过的模板Code，例如SMS_123456789")] string? TemplateCode,
    [property: Description("接收号码，1–1000个，与items二选一；使用templateParam中的共同变量值")] List<string?>? PhoneNumbers = null,
    [property: Description("模板变量的共同值，例如{\"code\":\"1234\"}")] Dictionary<string, string>? TemplateParam = null,
    [property: Description("每个号码及其自己的变量值，1–1000个，与phoneNumbers二选一")] List<SendSmsItem?>? Items = null,
    [property: Description("定时发送时间，带时区的ISO 8601，30天以内；省略即立即发送")] DateTimeOffset? ScheduledAt = null,
    [property: Description("您自己的业务编号（最长256个字符），可用GET /api/v1/tasks?outId=查回该任务")] string? OutId = null,
    [property: Description("通讯录分组编号，1–50个，只能是您自己的分组；可与phoneNumbers或items同时提供，同一号码只发送一次，模板变量取自联系人的同名字段")] List<int>? GroupIds = null);

public sealed record SendSmsItem(
    [property: Description("接收号码")] string? PhoneNumber,
    [property: Description("该号码的变量值，覆盖templateParam中的同名值")] Dictionary<string, string>? TemplateParam = null);

/// <summary>The task created; numbers that could not be used are listed and not charged.</summary>
public sealed record SendSmsAccepted(
    long TaskId,
    int Recipients,
    long Segments,
    int InvalidCount,
    int DuplicateCount,
    IReadOnlyList<InvalidNumber> InvalidNumbers);

/// <summary>A number left out of a send; index is its position (from 0) in phoneNumbers or items.</summary>
public sealed record InvalidNumber(int Index, string PhoneNumber, string Reason);

public sealed record TaskStatusResponse(
    long TaskId,
    string? OutId,
    string Status,
    string SignName,
    string TemplateCode,
    int Numbers,
    int Delivered,
    int Failed,
    int Pending,
    long Segments,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? CompletedAt);

public sealed record RecipientRecord(
    long TaskId,
    string PhoneNumber,
    string Status,
    string? Code,
    string? Description,
    int Segments,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReportedAt);

public sealed record TaskPage(int Total, int Page, int Size, IReadOnlyList<TaskStatusResponse> Items);

public sealed record RecordPage(int Total, int Page, int Size, IReadOnlyList<RecipientRecord> Items);

public sealed record BalanceResponse(IReadOnlyList<CategoryBalanceItem> Categories);

/// <summary>One category over its active, unexpired grants; remaining is what sends of it may spend.</summary>
public sealed record CategoryBalanceItem(string Category, long Size, long Used, long Remaining);

public sealed record SignatureItem(string Name, string Type, string Status, string? Reason, DateTimeOffset CreatedAt);

public sealed record TemplateItem(string? TemplateCode, string Name, string Type, string Content, string Status, string? Reason, DateTimeOffset CreatedAt);
