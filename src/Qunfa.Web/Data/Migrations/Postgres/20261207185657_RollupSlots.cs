using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RollupSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateNa~",
                table: "SendRollups");

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "SendRollups",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateNa~",
                table: "SendRollups",
                columns: new[] { "Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category", "Slot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateNa~",
                table: "SendRollups");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "SendRollups");

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateNa~",
                table: "SendRollups",
                columns: new[] { "Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category" },
                unique: true);
        }
    }
}
