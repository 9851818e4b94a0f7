using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Release = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Environment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Initiative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClientId = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false, collation: "C"),
                    CreatedByKeyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReceivedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false)
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
