using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRecords_BizId_Phone",
                table: "SendRecords");

            migrationBuilder.DropIndex(
                name: "IX_SendRecords_ClaimId",
                table: "SendRecords");

            migrationBuilder.DropIndex(
                name: "IX_SendRecords_CustomerId_ReportedAt_Id",
                table: "SendRecords");

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_BizId_Phone",
                table: "SendRecords",
                columns: new[] { "BizId", "Phone" },
                filter: "\"BizId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_ClaimId",
                table: "SendRecords",
                column: "ClaimId",
                filter: "\"ClaimId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_CustomerId_ReportedAt_Id",
                table: "SendRecords",
                columns: new[] { "CustomerId", "ReportedAt", "Id" },
                filter: "\"ReportedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRecords_BizId_Phone",
                table: "SendRecords");

            migrationBuilder.DropIndex(
                name: "IX_SendRecords_ClaimId",
                table: "SendRecords");

            migrationBuilder.DropIndex(
                name: "IX_SendRecords_CustomerId_ReportedAt_Id",
                table: "SendRecords");

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_BizId_Phone",
                table: "SendRecords",
                columns: new[] { "BizId", "Phone" });

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_ClaimId",
                table: "SendRecords",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_CustomerId_ReportedAt_Id",
                table: "SendRecords",
                columns: new[] { "CustomerId", "ReportedAt", "Id" });
        }
    }
}
