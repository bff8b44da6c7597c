using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Statistics;

namespace Qunfa.Web.Data.Configurations;

internal sealed class SendRollupConfiguration : IEntityTypeConfiguration<SendRollup>
{
    public void Configure(EntityTypeBuilder<SendRollup> b)
    {
        b.Property(x => x.SignName).HasMaxLength(64);
        b.Property(x => x.TemplateCode).HasMaxLength(64);
        b.Property(x => x.TemplateName).HasMaxLength(64);
        // The upsert's conflict target; its Day prefix serves the all-customer day ranges.
        b.HasIndex(x => new { x.Day, x.CustomerId, x.SignName, x.TemplateCode, x.TemplateName, x.TemplateType, x.Category, x.Slot }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.Day });
    }
}

internal sealed class MessagingDeletionConfiguration : IEntityTypeConfiguration<MessagingDeletion>
{
    public void Configure(EntityTypeBuilder<MessagingDeletion> b)
    {
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.TemplateCode).HasMaxLength(64);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.IsTemplate, x.At });
        b.HasIndex(x => new { x.CustomerId, x.IsTemplate, x.At });
    }
}
