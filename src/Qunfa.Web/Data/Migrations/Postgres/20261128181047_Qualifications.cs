using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Qualifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AuthorizationLetterId",
                table: "Signatures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MoreData",
                table: "Signatures",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuthorizationLetters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Grantor = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Grantee = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Validity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PicKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignNames = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CarrierId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextReviewCheckAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewChecks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorizationLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorizationLetters_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Qualifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    CompanyName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    CompanyType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LicenseValidity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LegalPersonName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LegalPersonIdCardType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LegalPersonIdCardNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LegalPersonIdCardValidity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdminName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdminIdCardType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdminIdCardNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdminIdCardValidity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdminPhone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LicensePicKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AdminIdCardBackKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AdminIdCardFrontKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CarrierId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WorkOrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextReviewCheckAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewChecks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Qualifications_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_AuthorizationLetterId",
                table: "Signatures",
                column: "AuthorizationLetterId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorizationLetters_CustomerId",
                table: "AuthorizationLetters",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorizationLetters_NextReviewCheckAt",
                table: "AuthorizationLetters",
                column: "NextReviewCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_CustomerId",
                table: "Qualifications",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_NextReviewCheckAt",
                table: "Qualifications",
                column: "NextReviewCheckAt");

            migrationBuilder.AddForeignKey(
                name: "FK_Signatures_AuthorizationLetters_AuthorizationLetterId",
                table: "Signatures",
                column: "AuthorizationLetterId",
                principalTable: "AuthorizationLetters",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Signatures_AuthorizationLetters_AuthorizationLetterId",
                table: "Signatures");

            migrationBuilder.DropTable(
                name: "AuthorizationLetters");

            migrationBuilder.DropTable(
                name: "Qualifications");

            migrationBuilder.DropIndex(
                name: "IX_Signatures_AuthorizationLetterId",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "AuthorizationLetterId",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "MoreData",
                table: "Signatures");
        }
    }
}
