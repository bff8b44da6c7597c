using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SendingVersionTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SendingVersion",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            foreach (var sql in SendingVersionTriggerSql.CreateSqlite()) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SendingVersionTriggerSql.DropSqlite()) migrationBuilder.Sql(sql);

            migrationBuilder.DropColumn(
                name: "SendingVersion",
                table: "Customers");
        }
    }
}
