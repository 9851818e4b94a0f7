using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MetricRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InteractionBinRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Which = table.Column<int>(type: "INTEGER", nullable: false),
                    Bin = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionBinRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.Which, x.Bin });
                });

            migrationBuilder.CreateTable(
                name: "InteractionRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedFirstContact = table.Column<long>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<long>(type: "INTEGER", nullable: false),
                    Abandoned = table.Column<long>(type: "INTEGER", nullable: false),
                    WithFirstResponse = table.Column<long>(type: "INTEGER", nullable: false),
                    WithinDefaultSla = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros });
                });

            migrationBuilder.CreateTable(
                name: "ResponseRollups",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    SurveyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseRollups", x => new { x.Kind, x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.SurveyId, x.Score });
                });

            migrationBuilder.CreateTable(
                name: "ReviewRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.Rating });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InteractionBinRollups");

            migrationBuilder.DropTable(
                name: "InteractionRollups");

            migrationBuilder.DropTable(
                name: "ResponseRollups");

            migrationBuilder.DropTable(
                name: "ReviewRollups");
        }
    }
}
