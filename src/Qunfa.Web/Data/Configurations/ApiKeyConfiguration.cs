using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(x => x.Name).HasMaxLength(32);
        b.Property(x => x.AccessKeyId).HasMaxLength(32);
        b.Property(x => x.ProtectedSecret).HasMaxLength(1000);
        b.Property(x => x.SecretHint).HasMaxLength(8);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CustomerMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AccessKeyId).IsUnique();
        b.HasIndex(x => x.CustomerId);
    }
}
