using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Qunfa.Web.Domain.Sending;

namespace Qunfa.Web.Data;

/// <summary>
/// EF Core's index-per-foreign-key convention, less the index on <see cref="SendRecord.GrantId"/>: no query reads records
/// by grant and grants are never deleted, while PostgreSQL writes an entry into it for every insert and every update of a
/// record (three per number sent; docs/benchmarks.md, issue #14). The foreign key itself stays.
/// </summary>
internal sealed class UnindexedForeignKeys(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        entityTypeBuilder.Metadata.ClrType == typeof(SendRecord) && properties is [{ Name: nameof(SendRecord.GrantId) }]
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
}
