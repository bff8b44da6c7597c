using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MessagingDeletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    IsTemplate = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TemplateCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagingDeletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessagingDeletions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SendRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    SignName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TemplateCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TemplateName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TemplateType = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Category = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Numbers = table.Column<long>(type: "bigint", nullable: false),
                    Delivered = table.Column<long>(type: "bigint", nullable: false),
                    Failed = table.Column<long>(type: "bigint", nullable: false),
                    Unknown = table.Column<long>(type: "bigint", nullable: false),
                    Cancelled = table.Column<long>(type: "bigint", nullable: false),
                    Segments = table.Column<long>(type: "bigint", nullable: false),
                    RefundedSegments = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendRollups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessagingDeletions_CustomerId_IsTemplate_At",
                table: "MessagingDeletions",
                columns: new[] { "CustomerId", "IsTemplate", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagingDeletions_IsTemplate_At",
                table: "MessagingDeletions",
                columns: new[] { "IsTemplate", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_CustomerId_Day",
                table: "SendRollups",
                columns: new[] { "CustomerId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateNa~",
                table: "SendRollups",
                columns: new[] { "Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessagingDeletions");

            migrationBuilder.DropTable(
                name: "SendRollups");
        }
    }
}
