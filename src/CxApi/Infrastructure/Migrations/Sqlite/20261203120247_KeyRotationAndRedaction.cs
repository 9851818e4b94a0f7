using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyRotationAndRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Redacted",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Redacted",
                table: "Responses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Redacted",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ExpiresAtMicros",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousHashExpiresAtMicros",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_PreviousHash",
                table: "ApiKeys",
                column: "PreviousHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApiKeys_PreviousHash",
                table: "ApiKeys");

            // SQLite's own DROP COLUMN, not EF's table rebuild: a rebuild of ApiKeys would drop the last-admin guard's
            // triggers, and one of the record tables would lose the indexes the previous migration's model lacks.
            foreach (var (table, column) in new[]
            {
                ("Reviews", "Redacted"), ("Responses", "Redacted"), ("Incidents", "Redacted"),
                ("ApiKeys", "ExpiresAtMicros"), ("ApiKeys", "PreviousHash"), ("ApiKeys", "PreviousHashExpiresAtMicros"),
            })
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        }
    }
}
