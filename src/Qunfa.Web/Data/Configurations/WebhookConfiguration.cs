using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Domain.Webhooks;

namespace Qunfa.Web.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.HasKey(x => x.CustomerId);
        b.Property(x => x.CustomerId).ValueGeneratedNever();
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.ProtectedSecret).HasMaxLength(1000);
        b.HasOne<Customer>().WithOne().HasForeignKey<WebhookEndpoint>(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.LastError).HasMaxLength(300);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.CustomerId, x.Id });
    }
}

internal sealed class PushEndpointSettingsConfiguration : IEntityTypeConfiguration<PushEndpointSettings>
{
    public void Configure(EntityTypeBuilder<PushEndpointSettings> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ProtectedToken).HasMaxLength(1000);
    }
}
