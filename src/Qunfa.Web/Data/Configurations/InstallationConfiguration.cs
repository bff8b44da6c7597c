using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Setup;

namespace Qunfa.Web.Data.Configurations;

internal sealed class InstallationConfiguration : IEntityTypeConfiguration<Installation>
{
    public void Configure(EntityTypeBuilder<Installation> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.LicenseeName).HasMaxLength(50);
        b.Property(x => x.CompanyName).HasMaxLength(100);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.PurchaseInfo).HasMaxLength(8);
        b.Property(x => x.SetupCodeHash).HasMaxLength(64);
        b.Ignore(x => x.IsComplete);
        b.HasData(new Installation { Id = Installation.SingletonId, Step = WizardStep.License });
    }
}
