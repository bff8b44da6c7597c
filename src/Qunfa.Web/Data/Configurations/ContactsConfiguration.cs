using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Contacts;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Data.Configurations;

internal sealed class ContactGroupConfiguration : IEntityTypeConfiguration<ContactGroup>
{
    public void Configure(EntityTypeBuilder<ContactGroup> b)
    {
        b.Property(x => x.Name).HasMaxLength(ContactGroup.MaxNameLength);
        b.Property(x => x.Remark).HasMaxLength(ContactGroup.MaxRemarkLength);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CustomerId, x.Name }).IsUnique();
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(Contact.MaxNameLength);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // The import's upsert and the search by number.
        b.HasIndex(x => new { x.CustomerId, x.Phone }).IsUnique();
    }
}

internal sealed class ContactGroupMemberConfiguration : IEntityTypeConfiguration<ContactGroupMember>
{
    public void Configure(EntityTypeBuilder<ContactGroupMember> b)
    {
        // The key serves a group's send, list and count; the ContactId index lets deleting a contact find its places.
        b.HasKey(x => new { x.GroupId, x.ContactId });
        b.HasOne<ContactGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ContactId);
    }
}
