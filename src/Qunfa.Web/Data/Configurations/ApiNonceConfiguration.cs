using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Api;

namespace Qunfa.Web.Data.Configurations;

internal sealed class ApiNonceConfiguration : IEntityTypeConfiguration<ApiNonce>
{
    public void Configure(EntityTypeBuilder<ApiNonce> b)
    {
        // The nonce store inserts with plain SQL, so the names are fixed here.
        b.ToTable("ApiNonces");
        b.Property(x => x.Nonce).HasMaxLength(64);
        b.HasIndex(x => new { x.KeyId, x.Nonce }).IsUnique();
        b.HasIndex(x => x.ExpiresAt);
    }
}
