using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GoLiveOrderGatewayAndAdminTwoFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Orders made before the gateway was recorded count as real Alipay's: a sandbox notification, which anyone can
            // sign, then never pays them.
            migrationBuilder.AddColumn<string>(
                name: "Gateway",
                table: "Orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Aliyun");

            migrationBuilder.AddColumn<long>(
                name: "LastTotpStep",
                table: "AdminUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedPendingTotpSecret",
                table: "AdminUsers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedTotpSecret",
                table: "AdminUsers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TwoFactorEnabledAt",
                table: "AdminUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdminRecoveryCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdminUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminRecoveryCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdminRecoveryCodes_AdminUsers_AdminUserId",
                        column: x => x.AdminUserId,
                        principalTable: "AdminUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdminSecuritySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RequireTwoFactor = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminSecuritySettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminRecoveryCodes_AdminUserId",
                table: "AdminRecoveryCodes",
                column: "AdminUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminRecoveryCodes");

            migrationBuilder.DropTable(
                name: "AdminSecuritySettings");

            migrationBuilder.DropColumn(
                name: "Gateway",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "LastTotpStep",
                table: "AdminUsers");

            migrationBuilder.DropColumn(
                name: "ProtectedPendingTotpSecret",
                table: "AdminUsers");

            migrationBuilder.DropColumn(
                name: "ProtectedTotpSecret",
                table: "AdminUsers");

            migrationBuilder.DropColumn(
                name: "TwoFactorEnabledAt",
                table: "AdminUsers");
        }
    }
}
