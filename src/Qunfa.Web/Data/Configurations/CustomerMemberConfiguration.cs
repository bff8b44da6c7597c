using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Data.Configurations;

internal sealed class CustomerMemberConfiguration : IEntityTypeConfiguration<CustomerMember>
{
    public void Configure(EntityTypeBuilder<CustomerMember> b)
    {
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // A removed member keeps its row (its tasks name it) but not its phone, which may be invited again.
        b.HasIndex(x => x.Phone).IsUnique().HasFilter("\"Status\" <> 'Removed'");
        b.HasIndex(x => x.CustomerId);
    }
}
