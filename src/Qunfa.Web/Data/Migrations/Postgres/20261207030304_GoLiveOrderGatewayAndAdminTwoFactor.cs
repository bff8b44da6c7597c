using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Aliyun");

            migrationBuilder.AddColumn<long>(
                name: "LastTotpStep",
                table: "AdminUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedPendingTotpSecret",
                table: "AdminUsers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedTotpSecret",
                table: "AdminUsers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TwoFactorEnabledAt",
                table: "AdminUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdminRecoveryCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdminUserId = table.Column<int>(type: "integer", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RequireTwoFactor = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
