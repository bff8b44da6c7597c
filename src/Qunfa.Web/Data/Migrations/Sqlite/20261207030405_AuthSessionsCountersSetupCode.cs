using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuthSessionsCountersSetupCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedLoginCount",
                table: "Installations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "Installations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetupCodeHash",
                table: "Installations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuthSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RenewedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhoneCodeGates",
                columns: table => new
                {
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneCodeGates", x => x.Phone);
                });

            migrationBuilder.UpdateData(
                table: "Installations",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "FailedLoginCount", "LockedUntil", "SetupCodeHash" },
                values: new object[] { 0, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessions_Kind_AccountId",
                table: "AuthSessions",
                columns: new[] { "Kind", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessions_RenewedAt",
                table: "AuthSessions",
                column: "RenewedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthSessions");

            migrationBuilder.DropTable(
                name: "PhoneCodeGates");

            migrationBuilder.DropColumn(
                name: "FailedLoginCount",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "Installations");

            migrationBuilder.DropColumn(
                name: "SetupCodeHash",
                table: "Installations");
        }
    }
}
