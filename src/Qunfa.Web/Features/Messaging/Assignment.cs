using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Messaging;

/// <summary>
/// 分配签名 / 分配模板: the admin gives customers a signature or template that is approved on the
/// operator's Alibaba account. It is looked up at the carrier first; only an approved one is assigned,
/// and the customers can use it at once.
/// </summary>
public sealed class Assignment(QunfaDbContext db, IAliyunSmsManagementClient carrier, TimeProvider time)
{
    public const string SignNotFoundMessage = "未查询到该签名信息";
    public const string TemplateNotFoundMessage = "未查询到该模板信息";
    public const string OnlyApprovedSignMessage = "只能分配审核通过签名";
    public const string OnlyApprovedTemplateMessage = "只能分配审核通过模板";
    public const string NoCustomersMessage = "请选择分配的用户";
    public const string TypeContradictsCarrierMessage = "签名类型与阿里云不一致，请选择阿里云上的签名类型";

    // QuerySmsSignList is the call that reports a signature's type; an account rarely holds more signatures than this.
    private const int SignListPageSize = 50;
    private const int SignListMaxPages = 20;

    /// <summary>A signature at the carrier; <see cref="Type"/> is null when the carrier did not say.</summary>
    public sealed record SignLookup(string Name, ReviewStatus Status, string? Reason, SignatureType? Type);

    /// <summary>How many customers received the signature, and how many already had it under another type and were corrected.</summary>
    public sealed record SignAssigned(int Assigned, int Corrected);

    public sealed record TemplateLookup(string Code, string Name, TemplateType Type, string Content, ReviewStatus Status, string? Reason);

    public async Task<(SignLookup? Found, Outcome Outcome)> LookUpSignAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) return (null, Outcome.Fail("SignName", "请输入签名"));
        try
        {
            var sign = await carrier.GetSmsSignAsync(name.Trim(), ct);
            var type = await CarrierSignTypeAsync(sign.SignName, ct);
            return (new SignLookup(sign.SignName, ReviewStatusMap.From(sign.Status.State), sign.Status.Reason, type), Outcome.Ok());
        }
        catch (AliyunApiException e) when (e.Outcome == AliyunOutcome.PermanentRequestFailure)
        {
            return (null, Outcome.Fail("SignName", SignNotFoundMessage));
        }
        catch (AliyunApiException e)
        {
            return (null, Outcome.Fail("SignName", CarrierRefusal.Message(e)));
        }
    }

    public async Task<(TemplateLookup? Found, Outcome Outcome)> LookUpTemplateAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return (null, Outcome.Fail("TemplateCode", "请输入模板code"));
        try
        {
            var t = await carrier.GetSmsTemplateAsync(code.Trim(), ct);
            return (new TemplateLookup(t.TemplateCode, t.TemplateName ?? t.TemplateCode, ReviewStatusMap.FromCarrier(t.TemplateType),
                t.TemplateContent ?? "", ReviewStatusMap.From(t.Status.State), t.Status.Reason), Outcome.Ok());
        }
        catch (AliyunApiException e) when (e.Outcome == AliyunOutcome.PermanentRequestFailure)
        {
            return (null, Outcome.Fail("TemplateCode", TemplateNotFoundMessage));
        }
        catch (AliyunApiException e)
        {
            return (null, Outcome.Fail("TemplateCode", CarrierRefusal.Message(e)));
        }
    }

    /// <summary>
    /// Assigns to the given customers, or to every customer when <paramref name="customerIds"/> is null. A type that
    /// contradicts the carrier's is refused; customers who already have the signature under another type get it corrected.
    /// </summary>
    public async Task<(SignAssigned Result, Outcome Outcome)> AssignSignAsync(string? name, SignatureType type, IReadOnlyCollection<int>? customerIds, CancellationToken ct)
    {
        var none = new SignAssigned(0, 0);
        var (found, outcome) = await LookUpSignAsync(name, ct);
        if (found is null) return (none, outcome);
        if (found.Status != ReviewStatus.Approved) return (none, Outcome.Fail("SignName", OnlyApprovedSignMessage));
        if (found.Type is { } carrierType && carrierType != type) return (none, Outcome.Fail("Type", TypeContradictsCarrierMessage));
        var targets = await TargetsAsync(customerIds, ct);
        if (targets.Count == 0) return (none, Outcome.Fail("Customers", NoCustomersMessage));

        var having = await db.Signatures.Where(s => s.Name == found.Name && targets.Contains(s.CustomerId)).ToListAsync(ct);
        var now = time.GetUtcNow();
        var corrected = 0;
        foreach (var wrong in having.Where(s => s.Type != type))
        {
            wrong.Type = type;
            wrong.UpdatedAt = now;
            corrected++;
        }
        var fresh = targets.Except(having.Select(s => s.CustomerId)).ToList();
        foreach (var customerId in fresh)
            db.Signatures.Add(new Signature
            {
                CustomerId = customerId, Name = found.Name, Type = type, Origin = Origin.Assigned,
                Status = ReviewStatus.Approved, CreatedAt = now, UpdatedAt = now,
            });
        await db.SaveChangesAsync(ct);
        return (new SignAssigned(fresh.Count, corrected), Outcome.Ok());
    }

    public async Task<(int Assigned, Outcome Outcome)> AssignTemplateAsync(string? code, IReadOnlyCollection<int>? customerIds, CancellationToken ct)
    {
        var (found, outcome) = await LookUpTemplateAsync(code, ct);
        if (found is null) return (0, outcome);
        if (found.Status != ReviewStatus.Approved) return (0, Outcome.Fail("TemplateCode", OnlyApprovedTemplateMessage));
        var targets = await TargetsAsync(customerIds, ct);
        if (targets.Count == 0) return (0, Outcome.Fail("Customers", NoCustomersMessage));

        var having = await db.Templates.Where(t => t.TemplateCode == found.Code).Select(t => t.CustomerId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var fresh = targets.Except(having).ToList();
        foreach (var customerId in fresh)
            db.Templates.Add(new Template
            {
                CustomerId = customerId, Name = found.Name, Type = found.Type, Origin = Origin.Assigned, TemplateCode = found.Code,
                Content = found.Content, Status = ReviewStatus.Approved, CreatedAt = now, UpdatedAt = now,
            });
        await db.SaveChangesAsync(ct);
        return (fresh.Count, Outcome.Ok());
    }

    /// <summary>The signature's type from QuerySmsSignList's BusinessType (验证码类型 / 通用类型), or null when it is not listed.</summary>
    private async Task<SignatureType?> CarrierSignTypeAsync(string name, CancellationToken ct)
    {
        for (var page = 1; page <= SignListMaxPages; page++)
        {
            var list = await carrier.QuerySmsSignListAsync(page, SignListPageSize, ct);
            if (list.Items.FirstOrDefault(s => s.SignName == name) is { } row) return ReviewStatusMap.SignTypeFromCarrier(row.BusinessType);
            if (list.Items.Count < SignListPageSize || (long)page * SignListPageSize >= list.TotalCount) return null;
        }
        return null;
    }

    private async Task<List<int>> TargetsAsync(IReadOnlyCollection<int>? customerIds, CancellationToken ct) =>
        customerIds is null
            ? await db.Customers.Select(c => c.Id).ToListAsync(ct)
            : await db.Customers.Where(c => customerIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
}
