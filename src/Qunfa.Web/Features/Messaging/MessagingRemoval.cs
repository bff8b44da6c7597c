using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Messaging;

/// <summary>
/// 删除 / 彻底删除 of a signature or template, for its customer and for the admin alike: one the
/// platform applied for is deleted at the carrier too; one the admin assigned belongs to the operator's
/// account and is only taken from this customer.
/// </summary>
public sealed class MessagingRemoval(QunfaDbContext db, IAliyunSmsManagementClient carrier, TimeProvider time, ILogger<MessagingRemoval> logger)
{
    /// <summary>Deletes the signature and notes it for 首页's 最新删除, saying whether the admin did it.</summary>
    public async Task<Outcome> DeleteAsync(Signature signature, bool byAdmin, CancellationToken ct)
    {
        if (signature.Origin == Origin.Applied && signature.Status == ReviewStatus.UnderReview)
            return Outcome.Fail("", "审核中的签名不能删除");
        if (signature.Origin == Origin.Applied && signature.Status != ReviewStatus.Pending)
        {
            var refused = await AtCarrierAsync(() => carrier.DeleteSmsSignAsync(signature.Name, ct), signature.Name);
            if (refused is not null) return refused;
        }
        db.Signatures.Remove(signature);
        Note(signature.CustomerId, isTemplate: false, signature.Name, null, byAdmin);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok();
    }

    public async Task<Outcome> DeleteAsync(Template template, bool byAdmin, CancellationToken ct)
    {
        if (template.Origin == Origin.Applied && template.Status == ReviewStatus.UnderReview)
            return Outcome.Fail("", "审核中的模板不能删除");
        if (template.Origin == Origin.Applied && template.TemplateCode is { } code)
        {
            var refused = await AtCarrierAsync(() => carrier.DeleteSmsTemplateAsync(code, ct), code);
            if (refused is not null) return refused;
        }
        db.Templates.Remove(template);
        Note(template.CustomerId, isTemplate: true, template.Name, template.TemplateCode, byAdmin);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok();
    }

    private void Note(int customerId, bool isTemplate, string name, string? templateCode, bool byAdmin) =>
        db.MessagingDeletions.Add(new MessagingDeletion
        {
            CustomerId = customerId, IsTemplate = isTemplate, Name = name, TemplateCode = templateCode, At = time.GetUtcNow(), ByAdmin = byAdmin,
        });

    private async Task<Outcome?> AtCarrierAsync(Func<Task> delete, string what)
    {
        try
        {
            await delete();
            return null;
        }
        catch (AliyunApiException e) when (e.Outcome is AliyunOutcome.PermanentRequestFailure && IsGone(e.Code))
        {
            // Already gone at the carrier: removing it here is all that is left to do.
            logger.LogInformation("{What} was already deleted at the carrier ({Code})", what, e.Code);
            return null;
        }
        catch (AliyunApiException e)
        {
            return Outcome.Fail("", CarrierRefusal.Message(e));
        }
    }

    private static bool IsGone(string? code) => code is not null && (
        code.Contains("SIGN_ILLEGAL", StringComparison.OrdinalIgnoreCase)
        || code.Contains("TEMPLATE_ILLEGAL", StringComparison.OrdinalIgnoreCase)
        || code.Contains("NOT_EXIST", StringComparison.OrdinalIgnoreCase)
        || code.Contains("NotFound", StringComparison.OrdinalIgnoreCase));
}
