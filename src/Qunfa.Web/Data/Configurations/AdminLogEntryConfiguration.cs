using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Admins;

namespace Qunfa.Web.Data.Configurations;

internal sealed class AdminLogEntryConfiguration : IEntityTypeConfiguration<AdminLogEntry>
{
    public void Configure(EntityTypeBuilder<AdminLogEntry> b)
    {
        b.ToTable("AdminLog");
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.Ip).HasMaxLength(64);
        b.HasIndex(x => x.At);
    }
}
