using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RollupSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateName_TemplateType_Category",
                table: "SendRollups");

            migrationBuilder.AddColumn<short>(
                name: "Slot",
                table: "SendRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateName_TemplateType_Category_Slot",
                table: "SendRollups",
                columns: new[] { "Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category", "Slot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateName_TemplateType_Category_Slot",
                table: "SendRollups");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "SendRollups");

            migrationBuilder.CreateIndex(
                name: "IX_SendRollups_Day_CustomerId_SignName_TemplateCode_TemplateName_TemplateType_Category",
                table: "SendRollups",
                columns: new[] { "Day", "CustomerId", "SignName", "TemplateCode", "TemplateName", "TemplateType", "Category" },
                unique: true);
        }
    }
}
