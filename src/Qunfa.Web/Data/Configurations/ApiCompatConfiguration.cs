using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Data.Configurations;

internal sealed class ApiNonceConfiguration : IEntityTypeConfiguration<ApiNonce>
{
    public void Configure(EntityTypeBuilder<ApiNonce> b)
    {
        // The nonce store inserts with plain SQL, so the names are fixed here.
        b.ToTable("ApiNonces");
        b.Property(x => x.AccessKeyId).HasMaxLength(32);
        b.Property(x => x.NonceHash).HasMaxLength(64);
        b.HasIndex(x => new { x.AccessKeyId, x.NonceHash }).IsUnique();
        b.HasIndex(x => x.ExpiresAt);
    }
}

internal sealed class ApiSendConfiguration : IEntityTypeConfiguration<ApiSend>
{
    public void Configure(EntityTypeBuilder<ApiSend> b)
    {
        b.HasKey(x => x.TaskId);
        b.Property(x => x.TaskId).ValueGeneratedNever();
        b.Property(x => x.OutId).HasMaxLength(ApiSend.MaxOutIdLength);
        b.HasOne<SendTask>().WithOne().HasForeignKey<ApiSend>(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(x => x.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ApiKeyId);
    }
}
