using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PurgeHorizons",
                columns: table => new
                {
                    Resource = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BeforeMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurgeHorizons", x => x.Resource);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PurgeHorizons");
        }
    }
}
