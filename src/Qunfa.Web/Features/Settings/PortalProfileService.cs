using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Uploads;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Settings;

public sealed class PortalProfileService(QunfaDbContext db, TimeProvider time)
{
    public async Task<PortalProfile> GetAsync(CancellationToken ct) =>
        await db.PortalProfiles.FirstOrDefaultAsync(p => p.Id == PortalProfile.SingletonId, ct)
        ?? new PortalProfile();

    /// <summary>Validates and stages the change; the caller saves it together with its log entry.</summary>
    public async Task<Outcome> StageAsync(PortalProfileInput input, bool logoRequired, CancellationToken ct)
    {
        var o = new Outcome()
            .Require(nameof(input.CompanyName), input.CompanyName, "请填写公司名称")
            .Require(nameof(input.Address), input.Address, "请填写公司地址")
            .Require(nameof(input.Email), input.Email, "请填写企业邮箱")
            .Require(nameof(input.Phone), input.Phone, "请填写联系电话");
        if (input.CompanyName is { Length: > 100 }) o.Add(nameof(input.CompanyName), "公司名称不能超过100个字符");
        if (input.Address is { Length: > 200 }) o.Add(nameof(input.Address), "公司地址不能超过200个字符");
        if (!string.IsNullOrWhiteSpace(input.Email) && !ContactRules.IsEmail(input.Email.Trim()))
            o.Add(nameof(input.Email), ContactRules.EmailMessage);
        if (!string.IsNullOrWhiteSpace(input.Phone) && !ContactRules.IsPhone(input.Phone.Trim()))
            o.Add(nameof(input.Phone), ContactRules.PhoneMessage);

        var existing = await db.PortalProfiles.FirstOrDefaultAsync(p => p.Id == PortalProfile.SingletonId, ct);
        ImageUpload.Image? logo = null;
        if (input.Logo is { Length: > 0 } || (logoRequired && existing?.Logo is null))
        {
            var (image, error) = await ImageUpload.ReadLogoAsync(input.Logo, ct);
            if (error is not null) o.Add(nameof(input.Logo), error);
            logo = image;
        }
        if (!o.Succeeded) return o;

        var profile = existing ?? db.PortalProfiles.Add(new PortalProfile()).Entity;
        profile.CompanyName = input.CompanyName!.Trim();
        profile.Address = input.Address!.Trim();
        profile.Email = input.Email!.Trim();
        profile.Phone = input.Phone!.Trim();
        if (logo is not null)
        {
            profile.Logo = logo.Bytes;
            profile.LogoContentType = logo.ContentType;
        }
        profile.UpdatedAt = time.GetUtcNow();
        return o;
    }
}
