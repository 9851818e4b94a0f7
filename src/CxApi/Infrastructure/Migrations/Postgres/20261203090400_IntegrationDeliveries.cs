using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrationDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrationDeliveries",
                columns: table => new
                {
                    Tool = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeliveryId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OccurredAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    RecordId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationDeliveries", x => new { x.Tool, x.DeliveryId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationDeliveries_Tool_Subject_OccurredAtMicros",
                table: "IntegrationDeliveries",
                columns: new[] { "Tool", "Subject", "OccurredAtMicros" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrationDeliveries");
        }
    }
}
