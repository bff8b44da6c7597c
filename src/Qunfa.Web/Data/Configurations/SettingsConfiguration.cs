using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Data.Configurations;

internal sealed class PortalProfileConfiguration : IEntityTypeConfiguration<PortalProfile>
{
    public void Configure(EntityTypeBuilder<PortalProfile> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CompanyName).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.LogoContentType).HasMaxLength(32);
    }
}

internal sealed class CarrierAccountConfiguration : IEntityTypeConfiguration<CarrierAccount>
{
    public void Configure(EntityTypeBuilder<CarrierAccount> b)
    {
        b.Property(x => x.AccessKeyId).HasMaxLength(64);
        b.Property(x => x.ProtectedAccessKeySecret).HasMaxLength(1000);
        b.ComplexProperty(x => x.RegisterScene, Scene);
        b.ComplexProperty(x => x.ResetPasswordScene, Scene);
        b.ComplexProperty(x => x.ChangePhoneScene, Scene);
        b.Property(x => x.ReportQueueName).HasMaxLength(128);
        b.Property(x => x.InboundQueueName).HasMaxLength(128);
        b.Property(x => x.Remark).HasMaxLength(200);
    }

    private static void Scene(ComplexPropertyBuilder<VerificationScene> s)
    {
        s.Property(x => x.SignName).HasMaxLength(64);
        s.Property(x => x.TemplateCode).HasMaxLength(64);
        s.Property(x => x.VariableName).HasMaxLength(64);
    }
}

internal sealed class PaymentSettingsConfiguration : IEntityTypeConfiguration<PaymentSettings>
{
    public void Configure(EntityTypeBuilder<PaymentSettings> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.PartnerId).HasMaxLength(32);
        b.Property(x => x.ProtectedMd5Key).HasMaxLength(1000);
        b.Property(x => x.CallbackHost).HasMaxLength(100);
        b.Property(x => x.CallbackScheme).HasMaxLength(8);
        b.Property(x => x.AppId).HasMaxLength(32);
        b.Property(x => x.ProtectedAppPrivateKey).HasMaxLength(8000);
        b.Property(x => x.AlipayPublicKey).HasMaxLength(4000);
    }
}
