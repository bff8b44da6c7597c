using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiRepliesWebhooks : Migration
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

            migrationBuilder.CreateTable(
                name: "InboundReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DestCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SequenceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: true),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    OptedOut = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboundReplies_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PushEndpointSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PushEndpointSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookEndpoints",
                columns: table => new
                {
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportCursorAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportCursorId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplyCursorAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplyCursorId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEndpoints", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_WebhookEndpoints_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OptOuts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceReplyId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptOuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OptOuts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OptOuts_InboundReplies_SourceReplyId",
                        column: x => x.SourceReplyId,
                        principalTable: "InboundReplies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SendRecords_CustomerId_ReportedAt_Id",
                table: "SendRecords",
                columns: new[] { "CustomerId", "ReportedAt", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_InboundReplies_CustomerId_ReceivedAt_Id",
                table: "InboundReplies",
                columns: new[] { "CustomerId", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundReplies_ReceivedAt",
                table: "InboundReplies",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InboundReplies_SequenceId_Phone",
                table: "InboundReplies",
                columns: new[] { "SequenceId", "Phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OptOuts_CustomerId_Phone",
                table: "OptOuts",
                columns: new[] { "CustomerId", "Phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OptOuts_SourceReplyId",
                table: "OptOuts",
                column: "SourceReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_CustomerId_Id",
                table: "WebhookDeliveries",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAt",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiNonces");

            migrationBuilder.DropTable(
                name: "ApiSends");

            migrationBuilder.DropTable(
                name: "OptOuts");

            migrationBuilder.DropTable(
                name: "PushEndpointSettings");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "WebhookEndpoints");

            migrationBuilder.DropTable(
                name: "InboundReplies");

            migrationBuilder.DropIndex(
                name: "IX_SendRecords_CustomerId_ReportedAt_Id",
                table: "SendRecords");
        }
    }
}
