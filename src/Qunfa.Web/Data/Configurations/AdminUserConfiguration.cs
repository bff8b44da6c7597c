using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Admins;

namespace Qunfa.Web.Data.Configurations;

internal sealed class AdminUserConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> b)
    {
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.Property(x => x.ProtectedTotpSecret).HasMaxLength(1000);
        b.Property(x => x.ProtectedPendingTotpSecret).HasMaxLength(1000);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(32).HasDefaultValue(AdminRoleKind.SuperAdmin).HasSentinel((AdminRoleKind)(-1));
        b.HasOne(x => x.CustomRole).WithMany().HasForeignKey(x => x.CustomRoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.Phone).IsUnique();
    }
}

internal sealed class AdminRoleConfiguration : IEntityTypeConfiguration<AdminRole>
{
    public void Configure(EntityTypeBuilder<AdminRole> b)
    {
        b.Property(x => x.Name).HasMaxLength(30);
        b.Property(x => x.Permissions).HasMaxLength(1000);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class AdminRecoveryCodeConfiguration : IEntityTypeConfiguration<AdminRecoveryCode>
{
    public void Configure(EntityTypeBuilder<AdminRecoveryCode> b)
    {
        b.Property(x => x.CodeHash).HasMaxLength(100);
        b.HasOne<AdminUser>().WithMany().HasForeignKey(x => x.AdminUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AdminUserId);
    }
}

internal sealed class AdminSecuritySettingsConfiguration : IEntityTypeConfiguration<AdminSecuritySettings>
{
    public void Configure(EntityTypeBuilder<AdminSecuritySettings> b) => b.Property(x => x.Id).ValueGeneratedNever();
}
