using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(x => x.CompanyName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.Phone).IsUnique();
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class VerificationCodeConfiguration : IEntityTypeConfiguration<VerificationCode>
{
    public void Configure(EntityTypeBuilder<VerificationCode> b)
    {
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.CodeHash).HasMaxLength(100);
        b.Property(x => x.Ip).HasMaxLength(64);
        b.Property(x => x.BizId).HasMaxLength(64);
        b.HasIndex(x => new { x.Phone, x.CreatedAt });
    }
}

internal sealed class PhoneCodeGateConfiguration : IEntityTypeConfiguration<PhoneCodeGate>
{
    public void Configure(EntityTypeBuilder<PhoneCodeGate> b)
    {
        b.HasKey(x => x.Phone);
        b.Property(x => x.Phone).HasMaxLength(20);
    }
}
