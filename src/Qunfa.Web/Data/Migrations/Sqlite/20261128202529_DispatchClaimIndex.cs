using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DispatchClaimIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRecords_TaskId_Status",
                table: "SendRecords");

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_TaskId_Status_Id",
                table: "SendRecords",
                columns: new[] { "TaskId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRecords_TaskId_Status_Id",
                table: "SendRecords");

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_TaskId_Status",
                table: "SendRecords",
                columns: new[] { "TaskId", "Status" });
        }
    }
}
