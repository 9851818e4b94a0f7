using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FigureVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureVersions",
                columns: table => new
                {
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DayStartMicros = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureVersions", x => new { x.Service, x.DayStartMicros });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureVersions");
        }
    }
}
