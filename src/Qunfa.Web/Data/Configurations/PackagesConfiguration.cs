using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Data.Configurations;

internal sealed class PackageProductConfiguration : IEntityTypeConfiguration<PackageProduct>
{
    public void Configure(EntityTypeBuilder<PackageProduct> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => new { x.Category, x.Recommended, x.SortOrder });
    }
}

internal sealed class PackageGrantConfiguration : IEntityTypeConfiguration<PackageGrant>
{
    public void Configure(EntityTypeBuilder<PackageGrant> b)
    {
        b.Ignore(x => x.Remaining);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.SetNull);
        // One purchased grant per order, whatever the number of notifications.
        b.HasIndex(x => x.OrderId).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.Category, x.ExpiresOn });
        b.HasIndex(x => x.CreatedAt);
        b.ToTable(t => t.HasCheckConstraint("CK_PackageGrants_Used", "\"Used\" >= 0 AND \"Used\" <= \"Size\""));
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(x => x.OrderNumber).HasMaxLength(16);
        b.Property(x => x.ProductName).HasMaxLength(50);
        b.Property(x => x.TradeNo).HasMaxLength(64);
        b.HasIndex(x => x.OrderNumber).IsUnique();
        b.HasIndex(x => x.TradeNo);
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => new { x.Status, x.NextPaymentCheckAt });
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PackageProduct>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.SetNull);
    }
}
