using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebhookSecretsProtected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The secrets keep their values; the application encrypts those still in plain text at start
            // (WebhookSecrets.ProtectPlainTextAsync).
            migrationBuilder.RenameColumn(
                name: "Secret",
                table: "Webhooks",
                newName: "ProtectedSecret");

            migrationBuilder.AlterColumn<string>(
                name: "ProtectedSecret",
                table: "Webhooks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    FriendlyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Xml = table.Column<string>(type: "text", nullable: false)
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
            migrationBuilder.AlterColumn<string>(
                name: "ProtectedSecret",
                table: "Webhooks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.RenameColumn(
                name: "ProtectedSecret",
                table: "Webhooks",
                newName: "Secret");
        }
    }
}
