using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qunfa.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccessKeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NonceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiNonces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiSends",
                columns: table => new
                {
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    ApiKeyId = table.Column<int>(type: "integer", nullable: false),
                    OutId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SignName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DestCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SequenceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: true),
                    TaskId = table.Column<long>(type: "bigint", nullable: true),
                    RecordId = table.Column<long>(type: "bigint", nullable: true),
                    OptedOut = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ProtectedToken = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PushEndpointSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    EventCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportCursorAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportCursorId = table.Column<long>(type: "bigint", nullable: false),
                    ReplyCursorAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplyCursorId = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceReplyId = table.Column<long>(type: "bigint", nullable: true)
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
