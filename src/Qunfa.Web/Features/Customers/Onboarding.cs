using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Features.Statistics;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Customers;

/// <summary>
/// The first steps of a new customer on 首页 (资质 → 签名 → 模板 → 购买短信包 → 发送), each ticked from what is stored;
/// the list disappears once every step is done.
/// </summary>
public sealed class Onboarding(QunfaDbContext db)
{
    public sealed record Step(string Label, string Hint, string Link, bool Done);

    public sealed record Checklist(IReadOnlyList<Step> Steps)
    {
        public bool Complete => Steps.All(s => s.Done);
        public int DoneCount => Steps.Count(s => s.Done);
    }

    /// <summary>The steps, the review ones read from 首页's <paramref name="figures"/> already loaded.</summary>
    public async Task<Checklist> LoadAsync(int customerId, Dashboard.Figures figures, CancellationToken ct)
    {
        var signed = figures.Signatures.PerStatus.GetValueOrDefault(ReviewStatus.Approved) > 0;
        // An approved signature (applied with it, or assigned by the operator) makes the qualification step moot.
        var qualified = signed || await db.Qualifications.AnyAsync(q => q.CustomerId == customerId, ct);
        var templated = figures.Templates.PerStatus.GetValueOrDefault(ReviewStatus.Approved) > 0;
        var funded = await db.PackageGrants.AnyAsync(g => g.CustomerId == customerId, ct);
        var sent = await db.SendTasks.AnyAsync(t => t.CustomerId == customerId, ct);
        return new Checklist(
        [
            new("提交资质", "签名用于他人（第三方）业务时，需先提交企业资质", "/console/qualification", qualified),
            new("申请签名", "签名审批通过后才能使用", "/console/signatures/apply", signed),
            new("申请模板", "模板审批通过后才能使用", "/console/templates/apply", templated),
            new("购买短信包", "发送按条数从短信包中扣除", "/console/packages/buy", funded),
            new("发送短信", "预览无误后确认发送", "/console/send", sent),
        ]);
    }
}
