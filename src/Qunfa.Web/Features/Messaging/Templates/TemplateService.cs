using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Messaging.Templates;

/// <summary>A customer's templates: apply, edit a rejected one, delete; every call scoped to the customer.</summary>
public sealed class TemplateService(QunfaDbContext db, IAliyunSmsManagementClient carrier, TimeProvider time, ILogger<TemplateService> logger)
{
    public const string NotFoundMessage = "模板不存在";

    public async Task<PagedList<Template>> ListAsync(int customerId, string? search, PageRequest page, CancellationToken ct)
    {
        var query = db.Templates.AsNoTracking().Where(t => t.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(search))
            query = query.Where(t => t.Name.Contains(search) || (t.TemplateCode != null && t.TemplateCode.Contains(search)));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedList<Template>(items, total, page);
    }

    public Task<Template?> FindAsync(int customerId, int id, CancellationToken ct) =>
        db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.CustomerId == customerId, ct);

    public Task<List<string>> ApprovedSignNamesAsync(int customerId, CancellationToken ct) =>
        db.Signatures.Where(s => s.CustomerId == customerId && s.Status == ReviewStatus.Approved)
            .OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);

    public async Task<Outcome> ApplyAsync(int customerId, TemplateInput input, CancellationToken ct)
    {
        var o = TemplateRules.Check(input, await ApprovedSignNamesAsync(customerId, ct));
        if (!o.Succeeded) return o;
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, ct);
        if (await db.Templates.CountAsync(t => t.CustomerId == customerId, ct) >= customer.TemplateLimit)
            return Outcome.Fail("", string.Format(System.Globalization.CultureInfo.InvariantCulture, "模板数量已达上限（{0}个），请删除不用的模板或联系管理员", customer.TemplateLimit));

        SmsTemplateApplicationResult created;
        try
        {
            created = await carrier.CreateSmsTemplateAsync(ToApplication(input), ct);
        }
        catch (AliyunApiException e)
        {
            logger.LogInformation("Template application refused by the carrier: {Code} {Message}", e.Code, e.Message);
            return Outcome.Fail("", CarrierRefusal.Message(e));
        }

        var now = time.GetUtcNow();
        db.Templates.Add(new Template
        {
            CustomerId = customerId,
            Name = input.Name!.Trim(),
            Type = input.Type,
            Origin = Origin.Applied,
            TemplateCode = created.TemplateCode,
            Content = input.Content!.Trim(),
            Remark = input.Remark?.Trim(),
            RelatedSignName = input.RelatedSignName?.Trim(),
            Status = ReviewStatus.UnderReview,
            OrderId = created.OrderId,
            CreatedAt = now,
            UpdatedAt = now,
            NextReviewCheckAt = now + ReviewStatusMap.NextCheckAfter(0),
        });
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>Only a rejected template may change; it goes back to review with the same code.</summary>
    public async Task<Outcome> EditRejectedAsync(int customerId, int id, TemplateInput input, CancellationToken ct)
    {
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id && t.CustomerId == customerId, ct);
        if (template is null) return Outcome.Fail("", NotFoundMessage);
        if (template.Status != ReviewStatus.Rejected || template.Origin != Origin.Applied || template.TemplateCode is null)
            return Outcome.Fail("", "只有审批未通过的模板可以修改");
        var o = TemplateRules.Check(input, await ApprovedSignNamesAsync(customerId, ct));
        if (!o.Succeeded) return o;
        try
        {
            await carrier.UpdateSmsTemplateAsync(template.TemplateCode, ToApplication(input), ct);
        }
        catch (AliyunApiException e)
        {
            return Outcome.Fail("", CarrierRefusal.Message(e));
        }
        var now = time.GetUtcNow();
        template.Name = input.Name!.Trim();
        template.Type = input.Type;
        template.Content = input.Content!.Trim();
        template.Remark = input.Remark?.Trim();
        template.RelatedSignName = input.RelatedSignName?.Trim();
        template.Status = ReviewStatus.UnderReview;
        template.Reason = null;
        template.UpdatedAt = now;
        template.ReviewChecks = 0;
        template.NextReviewCheckAt = now + ReviewStatusMap.NextCheckAfter(0);
        await db.SaveChangesAsync(ct);
        return o;
    }

    private static SmsTemplateApplication ToApplication(TemplateInput input) =>
        new(input.Name!.Trim(), input.Content!.Trim(), ReviewStatusMap.ToCarrier(input.Type))
        {
            RelatedSignName = string.IsNullOrWhiteSpace(input.RelatedSignName) ? null : input.RelatedSignName.Trim(),
            TemplateRule = TemplateRules.VariableRules(input.Type, input.Content!.Trim()),
            Remark = input.Remark?.Trim(),
        };
}
