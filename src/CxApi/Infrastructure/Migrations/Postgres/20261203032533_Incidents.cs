using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Services = table.Column<List<string>>(type: "text[]", nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Impact = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    DetectedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    MitigatedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    ResolvedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    CustomerIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    CausedByDeploymentId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false, collation: "C"),
                    CreatedByKeyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReceivedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ChangeSeq",
                table: "Incidents",
                column: "ChangeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ClientId_ExternalId",
                table: "Incidents",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ClientId_StartedAtMicros_Id",
                table: "Incidents",
                columns: new[] { "ClientId", "StartedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_StartedAtMicros_Id",
                table: "Incidents",
                columns: new[] { "StartedAtMicros", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
