using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdminConsoleSendSourceAndDeletionByAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "SendTasks",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceFileName",
                table: "SendTasks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ByAdmin",
                table: "MessagingDeletions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "SendTasks");

            migrationBuilder.DropColumn(
                name: "SourceFileName",
                table: "SendTasks");

            migrationBuilder.DropColumn(
                name: "ByAdmin",
                table: "MessagingDeletions");
        }
    }
}
