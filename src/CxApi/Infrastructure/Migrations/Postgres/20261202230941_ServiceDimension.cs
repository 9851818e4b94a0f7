using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceDimension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Service",
                table: "Reviews",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Service",
                table: "Responses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Service",
                table: "Interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
            // Every record stored before has no service: each rollup's total rows are also its service = "" rows.
            migrationBuilder.Sql("""
                INSERT INTO "ResponseRollups" ("Kind", "Dimension", "Value", "SlotSeconds", "SlotStartMicros", "SurveyId", "Score", "Count")
                SELECT "Kind", 'service', '', "SlotSeconds", "SlotStartMicros", "SurveyId", "Score", "Count" FROM "ResponseRollups" WHERE "Dimension" = ''
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReviewRollups" ("Dimension", "Value", "SlotSeconds", "SlotStartMicros", "Rating", "Count")
                SELECT 'service', '', "SlotSeconds", "SlotStartMicros", "Rating", "Count" FROM "ReviewRollups" WHERE "Dimension" = ''
                """);
            migrationBuilder.Sql("""
                INSERT INTO "InteractionRollups" ("Dimension", "Value", "SlotSeconds", "SlotStartMicros", "Count", "Resolved", "ResolvedFirstContact",
                    "Escalated", "Abandoned", "WithFirstResponse", "WithinDefaultSla", "FirstResponseMicros", "ResolutionMicros")
                SELECT 'service', '', "SlotSeconds", "SlotStartMicros", "Count", "Resolved", "ResolvedFirstContact",
                    "Escalated", "Abandoned", "WithFirstResponse", "WithinDefaultSla", "FirstResponseMicros", "ResolutionMicros"
                FROM "InteractionRollups" WHERE "Dimension" = ''
                """);
            migrationBuilder.Sql("""
                INSERT INTO "InteractionBinRollups" ("Dimension", "Value", "SlotSeconds", "SlotStartMicros", "Which", "Bin", "Count")
                SELECT 'service', '', "SlotSeconds", "SlotStartMicros", "Which", "Bin", "Count" FROM "InteractionBinRollups" WHERE "Dimension" = ''
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "ResponseRollups", "ReviewRollups", "InteractionRollups", "InteractionBinRollups" })
                migrationBuilder.Sql($"DELETE FROM \"{table}\" WHERE \"Dimension\" = 'service'");
            migrationBuilder.DropColumn(
                name: "Service",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Service",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "Service",
                table: "Interactions");
        }
    }
}
