namespace Qunfa.Web.Features.HttpApi;

/// <summary>POST /api/v1/sms/send: either phoneNumbers with common templateParam, or items with each number's own values.</summary>
public sealed record SendSmsRequest(
    string? SignName,
    string? TemplateCode,
    List<string?>? PhoneNumbers,
    Dictionary<string, string>? TemplateParam,
    List<SendSmsItem?>? Items,
    DateTimeOffset? ScheduledAt);

public sealed record SendSmsItem(string? PhoneNumber, Dictionary<string, string>? TemplateParam);

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

public sealed record RecordPage(int Total, int Page, int Size, IReadOnlyList<RecipientRecord> Items);

public sealed record BalanceResponse(IReadOnlyList<CategoryBalanceItem> Categories);

/// <summary>One category over its active, unexpired grants; remaining is what sends of it may spend.</summary>
public sealed record CategoryBalanceItem(string Category, long Size, long Used, long Remaining);

public sealed record SignatureItem(string Name, string Type, string Status, string? Reason, DateTimeOffset CreatedAt);

public sealed record TemplateItem(string? TemplateCode, string Name, string Type, string Content, string Status, string? Reason, DateTimeOffset CreatedAt);
