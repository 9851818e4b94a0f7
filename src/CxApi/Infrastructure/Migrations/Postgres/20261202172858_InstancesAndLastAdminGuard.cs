using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
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
                type: "character varying(36)",
                maxLength: 36,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    StartedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    HeartbeatAtMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                });

            // The last active admin key can be neither revoked nor deleted. Two transactions revoking each other's
            // admin key would each still see the other's as active, so the check first takes a transaction-scoped
            // advisory lock: the second waits for the first to commit, and its next statement sees that commit.
            migrationBuilder.Sql($$"""
                CREATE FUNCTION cx_keep_last_admin_key() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                  IF OLD."Role" = 'admin' AND OLD."RevokedAtMicros" IS NULL
                     AND (TG_OP = 'DELETE' OR NEW."RevokedAtMicros" IS NOT NULL OR NEW."Role" <> 'admin') THEN
                    PERFORM pg_advisory_xact_lock(hashtext('{{DbErrors.LastAdminGuard}}'));
                    IF NOT EXISTS (SELECT 1 FROM "ApiKeys" WHERE "Role" = 'admin' AND "RevokedAtMicros" IS NULL AND "Id" <> OLD."Id") THEN
                      RAISE EXCEPTION 'the last active admin key cannot be revoked'
                        USING ERRCODE = 'check_violation', CONSTRAINT = '{{DbErrors.LastAdminGuard}}';
                    END IF;
                  END IF;
                  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                  RETURN NEW;
                END
                $fn$;
                CREATE TRIGGER "ApiKeys_KeepLastAdmin" BEFORE UPDATE OR DELETE ON "ApiKeys"
                  FOR EACH ROW EXECUTE FUNCTION cx_keep_last_admin_key();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"ApiKeys_KeepLastAdmin\" ON \"ApiKeys\"; DROP FUNCTION cx_keep_last_admin_key();");

            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropColumn(
                name: "OwnerInstanceId",
                table: "IdempotencyRecords");

            migrationBuilder.AddColumn<long>(
                name: "LockedUntilMicros",
                table: "IdempotencyRecords",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
