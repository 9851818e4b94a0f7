using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookSecretsProtected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The secrets keep their values; the application encrypts those still in plain text at start
            // (WebhookSecrets.ProtectPlainTextAsync). SQLite keeps no length, so the longer column needs only
            // its new name (EF would rebuild the table for it).
            migrationBuilder.RenameColumn(
                name: "Secret",
                table: "Webhooks",
                newName: "ProtectedSecret");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            // Secrets encrypted meanwhile stay encrypted: SQL cannot decrypt them.
            migrationBuilder.RenameColumn(
                name: "ProtectedSecret",
                table: "Webhooks",
                newName: "Secret");
        }
    }
}
