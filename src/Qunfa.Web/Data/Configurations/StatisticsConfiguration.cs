using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
        b.HasIndex(x => new { x.Day, x.CustomerId, x.SignName, x.TemplateCode, x.TemplateName, x.TemplateType, x.Category }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.Day });
    }
}
