using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstancesAndLastAdminGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LockedUntilMicros",
                table: "IdempotencyRecords");

            migrationBuilder.AddColumn<string>(
                name: "OwnerInstanceId",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    StartedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    HeartbeatAtMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                });

            // The last active admin key can be neither revoked nor deleted, whatever the application checked
            // before: SQLite runs one writer at a time, so the trigger's count is exact.
            foreach (var (name, when) in new[]
            {
                ("ApiKeys_KeepLastAdmin_Update", "BEFORE UPDATE OF \"RevokedAtMicros\", \"Role\" ON \"ApiKeys\" FOR EACH ROW WHEN (NEW.\"RevokedAtMicros\" IS NOT NULL OR NEW.\"Role\" <> 'admin') AND"),
                ("ApiKeys_KeepLastAdmin_Delete", "BEFORE DELETE ON \"ApiKeys\" FOR EACH ROW WHEN"),
            })
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{name}" {when} OLD."Role" = 'admin' AND OLD."RevokedAtMicros" IS NULL
                      AND NOT EXISTS (SELECT 1 FROM "ApiKeys" WHERE "Role" = 'admin' AND "RevokedAtMicros" IS NULL AND "Id" <> OLD."Id")
                    BEGIN SELECT RAISE(ABORT, '{DbErrors.LastAdminGuard}: the last active admin key cannot be revoked'); END;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"ApiKeys_KeepLastAdmin_Update\";");
            migrationBuilder.Sql("DROP TRIGGER \"ApiKeys_KeepLastAdmin_Delete\";");

            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropColumn(
                name: "OwnerInstanceId",
                table: "IdempotencyRecords");

            migrationBuilder.AddColumn<long>(
                name: "LockedUntilMicros",
                table: "IdempotencyRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
