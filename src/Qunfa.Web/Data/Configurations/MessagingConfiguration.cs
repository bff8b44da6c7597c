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
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
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
