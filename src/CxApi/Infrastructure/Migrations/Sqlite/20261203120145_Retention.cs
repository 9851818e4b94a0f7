using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
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
                    Resource = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BeforeMicros = table.Column<long>(type: "INTEGER", nullable: false)
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
