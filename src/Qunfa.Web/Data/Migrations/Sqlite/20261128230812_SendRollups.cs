using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SendRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SendRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateType = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Numbers = table.Column<long>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<long>(type: "INTEGER", nullable: false),
                    Failed = table.Column<long>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<long>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<long>(type: "INTEGER", nullable: false),
                    Segments = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedSegments = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendRollups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_CustomerId_Day",
                table: "SendRollups",
                columns: new[] { "CustomerId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateName_TemplateType_Category",
                table: "SendRollups",
                columns: new[] { "Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SendRollups");
        }
    }
}
