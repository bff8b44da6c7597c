using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Emulators;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Messaging;

namespace Qunfa.Web.Features.Sandbox;

/// <summary>
/// Tells a freshly started sandbox carrier what the platform's rows say it held: qualifications,
/// authorization letters, signatures and templates, approved, rejected or still under review (the
/// emulator then reviews those again). Without it a restart leaves 审批通过 templates that every send
/// fails with isv.SMS_TEMPLATE_ILLEGAL.
/// </summary>
public sealed class SandboxRestore(IServiceScopeFactory scopes, ILogger<SandboxRestore> logger)
{
    public async Task RestoreAsync(EmulatorState carrier, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();

        var qualifications = await db.Qualifications.AsNoTracking()
            .Where(q => q.CarrierId != null && q.Status != ReviewStatus.Pending).ToListAsync(ct);
        foreach (var q in qualifications)
            if (Id(q.CarrierId) is { } id)
                carrier.RestoreQualification(id, q.Name, q.CompanyName, q.OrganizationCode, Review(q.Status, q.Reason), q.WorkOrderId);

        var letters = await db.AuthorizationLetters.AsNoTracking()
            .Where(l => l.CarrierId != null && l.Status != ReviewStatus.Pending).ToListAsync(ct);
        foreach (var l in letters)
            if (Id(l.CarrierId) is { } id)
                carrier.RestoreAuthorizationLetter(id, l.Name, l.Grantor, l.Grantee, l.OrganizationCode, l.Validity,
                    l.SignNames.Split('、', StringSplitOptions.RemoveEmptyEntries), Review(l.Status, l.Reason));

        var qualificationOf = qualifications.Where(q => q.Status == ReviewStatus.Approved)
            .GroupBy(q => q.CustomerId).ToDictionary(g => g.Key, g => Id(g.OrderByDescending(q => q.Id).First().CarrierId) ?? 0);
        var letterIds = letters.ToDictionary(l => l.Id, l => Id(l.CarrierId));
        var signatures = await db.Signatures.AsNoTracking().Where(s => s.Status != ReviewStatus.Pending).ToListAsync(ct);
        foreach (var s in signatures)
            carrier.RestoreSign(s.Name, (int)ReviewStatusMap.ToCarrier(s.Type), Review(s.Status, s.Reason), qualificationOf.GetValueOrDefault(s.CustomerId),
                s.AuthorizationLetterId is { } letter ? letterIds.GetValueOrDefault(letter) : null);

        var templates = await db.Templates.AsNoTracking().Where(t => t.TemplateCode != null && t.Status != ReviewStatus.Pending).ToListAsync(ct);
        foreach (var t in templates)
            carrier.RestoreTemplate(t.TemplateCode!, t.Name, t.Content, (int)ReviewStatusMap.ToCarrier(t.Type), t.RelatedSignName ?? "", Review(t.Status, t.Reason));

        if (signatures.Count + templates.Count + qualifications.Count > 0)
            logger.LogInformation(
                "Sandbox carrier told of {Signatures} signatures, {Templates} templates and {Qualifications} qualifications the platform holds",
                signatures.Count, templates.Count, qualifications.Count);
    }

    /// <summary>As the emulator numbers review states: 0 under review, 1 approved, 2 rejected.</summary>
    private static EmulatorReviewState Review(ReviewStatus status, string? reason) => status switch
    {
        ReviewStatus.Approved => new(1, ""),
        ReviewStatus.Rejected => new(2, reason ?? ""),
        _ => new(0, ""),
    };

    private static long? Id(string? carrierId) =>
        long.TryParse(carrierId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
