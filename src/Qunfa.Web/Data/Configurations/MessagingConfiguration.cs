using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Messaging;

namespace Qunfa.Web.Data.Configurations;

internal sealed class SignatureConfiguration : IEntityTypeConfiguration<Signature>
{
    public void Configure(EntityTypeBuilder<Signature> b)
    {
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Remark).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.OrderId).HasMaxLength(64);
        b.Property(x => x.MoreData).HasMaxLength(2000);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AuthorizationLetter>().WithMany().HasForeignKey(x => x.AuthorizationLetterId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.CustomerId, x.Name }).IsUnique();
        b.HasIndex(x => x.Name);
        b.HasIndex(x => x.NextReviewCheckAt);
    }
}

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> b)
    {
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.TemplateCode).HasMaxLength(64);
        b.Property(x => x.Content).HasMaxLength(1000);
        b.Property(x => x.Remark).HasMaxLength(200);
        b.Property(x => x.RelatedSignName).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.OrderId).HasMaxLength(64);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CustomerId, x.TemplateCode });
        b.HasIndex(x => x.TemplateCode);
        b.HasIndex(x => x.NextReviewCheckAt);
    }
}

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> b)
    {
        foreach (var p in new[] { nameof(Qualification.Name), nameof(Qualification.CompanyName) })
            b.Property(p).HasMaxLength(150);
        foreach (var p in new[]
                 {
                     nameof(Qualification.CompanyType), nameof(Qualification.OrganizationCode), nameof(Qualification.LicenseValidity),
                     nameof(Qualification.LegalPersonName), nameof(Qualification.LegalPersonIdCardType), nameof(Qualification.LegalPersonIdCardNo),
                     nameof(Qualification.LegalPersonIdCardValidity), nameof(Qualification.AdminName), nameof(Qualification.AdminIdCardType),
                     nameof(Qualification.AdminIdCardNo), nameof(Qualification.AdminIdCardValidity), nameof(Qualification.AdminPhone),
                     nameof(Qualification.CarrierId), nameof(Qualification.WorkOrderId),
                 })
            b.Property(p).HasMaxLength(64);
        foreach (var p in new[] { nameof(Qualification.LicensePicKey), nameof(Qualification.AdminIdCardBackKey), nameof(Qualification.AdminIdCardFrontKey) })
            b.Property(p).HasMaxLength(300);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CustomerId).IsUnique();
        b.HasIndex(x => x.NextReviewCheckAt);
    }
}

internal sealed class AuthorizationLetterConfiguration : IEntityTypeConfiguration<AuthorizationLetter>
{
    public void Configure(EntityTypeBuilder<AuthorizationLetter> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Grantor).HasMaxLength(150);
        b.Property(x => x.Grantee).HasMaxLength(150);
        b.Property(x => x.OrganizationCode).HasMaxLength(64);
        b.Property(x => x.Validity).HasMaxLength(32);
        b.Property(x => x.PicKey).HasMaxLength(300);
        b.Property(x => x.SignNames).HasMaxLength(2000);
        b.Property(x => x.CarrierId).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CustomerId);
        b.HasIndex(x => x.NextReviewCheckAt);
    }
}
