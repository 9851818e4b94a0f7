using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertsAndWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    RuleId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OccurredAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    WindowFromMicros = table.Column<long>(type: "bigint", nullable: false),
                    WindowToMicros = table.Column<long>(type: "bigint", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    PreviousValue = table.Column<double>(type: "double precision", nullable: true),
                    N = table.Column<long>(type: "bigint", nullable: false),
                    PreviousN = table.Column<long>(type: "bigint", nullable: true),
                    CiLow = table.Column<double>(type: "double precision", nullable: true),
                    CiHigh = table.Column<double>(type: "double precision", nullable: true),
                    Z = table.Column<double>(type: "double precision", nullable: true),
                    Significant = table.Column<bool>(type: "boolean", nullable: true),
                    RuleJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertRules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Metric = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FiltersJson = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Window = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    WindowSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Below = table.Column<double>(type: "double precision", nullable: true),
                    Above = table.Column<double>(type: "double precision", nullable: true),
                    DropBy = table.Column<double>(type: "double precision", nullable: true),
                    SignificantOnly = table.Column<bool>(type: "boolean", nullable: false),
                    MinResponses = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Firing = table.Column<bool>(type: "boolean", nullable: false),
                    StateChangedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Webhooks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Events = table.Column<List<string>>(type: "text[]", nullable: false),
                    Secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    WebhookId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    EventType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    LockedUntilMicros = table.Column<long>(type: "bigint", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    DeliveredAtMicros = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_Webhooks_WebhookId",
                        column: x => x.WebhookId,
                        principalTable: "Webhooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookAttempts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    DeliveryId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AttemptedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DurationMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookAttempts_WebhookDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "WebhookDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_OccurredAtMicros_Id",
                table: "AlertEvents",
                columns: new[] { "OccurredAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_RuleId_OccurredAtMicros_Id",
                table: "AlertEvents",
                columns: new[] { "RuleId", "OccurredAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertRules_CreatedAtMicros_Id",
                table: "AlertRules",
                columns: new[] { "CreatedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookAttempts_DeliveryId_Number",
                table: "WebhookAttempts",
                columns: new[] { "DeliveryId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_NextAttemptAtMicros",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "NextAttemptAtMicros" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_WebhookId_CreatedAtMicros_Id",
                table: "WebhookDeliveries",
                columns: new[] { "WebhookId", "CreatedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Webhooks_CreatedAtMicros_Id",
                table: "Webhooks",
                columns: new[] { "CreatedAtMicros", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertEvents");

            migrationBuilder.DropTable(
                name: "AlertRules");

            migrationBuilder.DropTable(
                name: "WebhookAttempts");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "Webhooks");
        }
    }
}
