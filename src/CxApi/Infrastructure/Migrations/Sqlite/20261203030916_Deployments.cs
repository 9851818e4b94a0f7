using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Deployments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Deployments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Release = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Initiative = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CreatedByKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deployments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_ChangeSeq",
                table: "Deployments",
                column: "ChangeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_ClientId_ExternalId",
                table: "Deployments",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_ClientId_FinishedAtMicros_Id",
                table: "Deployments",
                columns: new[] { "ClientId", "FinishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_FinishedAtMicros_Id",
                table: "Deployments",
                columns: new[] { "FinishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_Service_FinishedAtMicros_Id",
                table: "Deployments",
                columns: new[] { "Service", "FinishedAtMicros", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Deployments");
        }
    }
}
