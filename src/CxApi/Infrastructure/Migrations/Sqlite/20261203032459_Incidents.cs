using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Services = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    DetectedAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    MitigatedAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomerIds = table.Column<string>(type: "TEXT", nullable: false),
                    CausedByDeploymentId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CreatedByKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeSeq = table.Column<long>(type: "INTEGER", nullable: false)
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
