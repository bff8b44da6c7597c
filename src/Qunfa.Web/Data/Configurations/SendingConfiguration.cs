using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Data.Configurations;

internal sealed class SendTaskConfiguration : IEntityTypeConfiguration<SendTask>
{
    public void Configure(EntityTypeBuilder<SendTask> b)
    {
        b.Property(x => x.SignName).HasMaxLength(64);
        b.Property(x => x.TemplateCode).HasMaxLength(64);
        b.Property(x => x.TemplateName).HasMaxLength(64);
        b.Property(x => x.TemplateContent).HasMaxLength(1000);
        b.Property(x => x.CommonVariables).HasMaxLength(4000);
        b.Property(x => x.SourceFileName).HasMaxLength(SendTask.MaxSourceFileNameLength);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CustomerMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.CustomerId, x.CreatedAt });
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class SendRecordConfiguration : IEntityTypeConfiguration<SendRecord>
{
    public void Configure(EntityTypeBuilder<SendRecord> b)
    {
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Variables).HasMaxLength(2000);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.BizId).HasMaxLength(64);
        b.Property(x => x.ClaimId).HasMaxLength(32);
        // On PostgreSQL both keys are enforced by triggers checking once per statement (RecordParentChecksSql, migration
        // PgRecordParentsPerStatement): a change to either key here needs a migration written by hand there.
        b.HasOne<SendTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PackageGrant>().WithMany().HasForeignKey(x => x.GrantId).OnDelete(DeleteBehavior.Restrict);
        // The dispatcher's claim, the recovery of claims, and the receipts' lookup. A record has no claim or BizId
        // until the dispatcher takes it, so those two indexes (and the outbox's below) leave queued records out: a
        // million-number task is inserted without a million NULL entries, one index of them placed by random phone
        // number (together about a third of its insert time on SQLite).
        b.HasIndex(x => new { x.Status, x.NextAttemptAt, x.Id });
        b.HasIndex(x => x.ClaimId).HasFilter("\"ClaimId\" IS NOT NULL");
        b.HasIndex(x => new { x.BizId, x.Phone }).HasFilter("\"BizId\" IS NOT NULL");
        // Claims walk a task's queued rows in id order; the tallies group a task's rows by status.
        b.HasIndex(x => new { x.TaskId, x.Status, x.Id });
        b.HasIndex(x => new { x.Phone, x.TaskId });
        // The webhook outbox reads each customer's settled records in (ReportedAt, Id) order; unsettled ones are left out.
        b.HasIndex(x => new { x.CustomerId, x.ReportedAt, x.Id }).HasFilter("\"ReportedAt\" IS NOT NULL");
    }
}
