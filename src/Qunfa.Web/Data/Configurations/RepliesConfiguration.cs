using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Replies;

namespace Qunfa.Web.Data.Configurations;

internal sealed class InboundReplyConfiguration : IEntityTypeConfiguration<InboundReply>
{
    public void Configure(EntityTypeBuilder<InboundReply> b)
    {
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Content).HasMaxLength(1000);
        b.Property(x => x.SignName).HasMaxLength(64);
        b.Property(x => x.DestCode).HasMaxLength(32);
        b.Property(x => x.SequenceId).HasMaxLength(64);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.SetNull);
        // A reply delivered twice (queue redelivery, push retry, both channels) is stored once.
        b.HasIndex(x => new { x.SequenceId, x.Phone }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.ReceivedAt, x.Id });
        b.HasIndex(x => x.ReceivedAt);
    }
}

internal sealed class OptOutConfiguration : IEntityTypeConfiguration<OptOut>
{
    public void Configure(EntityTypeBuilder<OptOut> b)
    {
        b.Property(x => x.Phone).HasMaxLength(20);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InboundReply>().WithMany().HasForeignKey(x => x.SourceReplyId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.CustomerId, x.Phone }).IsUnique();
    }
}
