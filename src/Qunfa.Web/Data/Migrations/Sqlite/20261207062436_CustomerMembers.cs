using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MemberId",
                table: "SendTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MemberId",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomerMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastLoginAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedLoginCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerMembers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SendTasks_MemberId",
                table: "SendTasks",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_MemberId",
                table: "ApiKeys",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMembers_CustomerId",
                table: "CustomerMembers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMembers_Phone",
                table: "CustomerMembers",
                column: "Phone",
                unique: true,
                filter: "\"Status\" <> 'Removed'");

            migrationBuilder.AddForeignKey(
                name: "FK_ApiKeys_CustomerMembers_MemberId",
                table: "ApiKeys",
                column: "MemberId",
                principalTable: "CustomerMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SendTasks_CustomerMembers_MemberId",
                table: "SendTasks",
                column: "MemberId",
                principalTable: "CustomerMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiKeys_CustomerMembers_MemberId",
                table: "ApiKeys");

            migrationBuilder.DropForeignKey(
                name: "FK_SendTasks_CustomerMembers_MemberId",
                table: "SendTasks");

            migrationBuilder.DropTable(
                name: "CustomerMembers");

            migrationBuilder.DropIndex(
                name: "IX_SendTasks_MemberId",
                table: "SendTasks");

            migrationBuilder.DropIndex(
                name: "IX_ApiKeys_MemberId",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "MemberId",
                table: "SendTasks");

            migrationBuilder.DropColumn(
                name: "MemberId",
                table: "ApiKeys");
        }
    }
}
