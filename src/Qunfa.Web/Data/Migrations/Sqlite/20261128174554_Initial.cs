using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdminLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdminUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdminUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FailedLoginCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastLoginAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CarrierAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AccessKeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedAccessKeySecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReportQueueName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    InboundQueueName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangePhoneScene_SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangePhoneScene_TemplateCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangePhoneScene_VariableName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegisterScene_SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegisterScene_TemplateCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegisterScene_VariableName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResetPasswordScene_SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResetPasswordScene_TemplateCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResetPasswordScene_VariableName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarrierAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Installations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LicenseeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PurchaseInfo = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Installations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProtectedMd5Key = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CallbackHost = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CallbackPort = table.Column<int>(type: "INTEGER", nullable: false),
                    CallbackScheme = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Logo = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LogoContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalProfiles", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Installations",
                columns: new[] { "Id", "CompanyName", "CompletedAt", "Email", "LicenseeName", "Phone", "PurchaseInfo", "Step" },
                values: new object[] { 1, "", null, "", "", "", "", "License" });

            migrationBuilder.CreateIndex(
                name: "IX_AdminLog_At",
                table: "AdminLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AdminUsers_Email",
                table: "AdminUsers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdminUsers_Phone",
                table: "AdminUsers",
                column: "Phone",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminLog");

            migrationBuilder.DropTable(
                name: "AdminUsers");

            migrationBuilder.DropTable(
                name: "CarrierAccounts");

            migrationBuilder.DropTable(
                name: "Installations");

            migrationBuilder.DropTable(
                name: "PaymentSettings");

            migrationBuilder.DropTable(
                name: "PortalProfiles");
        }
    }
}
