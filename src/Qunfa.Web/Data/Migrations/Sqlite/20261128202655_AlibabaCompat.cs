using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlibabaCompat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiNonces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccessKeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NonceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiNonces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiSends",
                columns: table => new
                {
                    TaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OutId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiSends", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_ApiSends_ApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApiSends_SendTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "SendTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiNonces_AccessKeyId_NonceHash",
                table: "ApiNonces",
                columns: new[] { "AccessKeyId", "NonceHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiNonces_ExpiresAt",
                table: "ApiNonces",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ApiSends_ApiKeyId",
                table: "ApiSends",
                column: "ApiKeyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiNonces");

            migrationBuilder.DropTable(
                name: "ApiSends");
        }
    }
}
