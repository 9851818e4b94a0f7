using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiKeysAndIdempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedByKeyId",
                table: "Reviews",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedByKeyId",
                table: "Responses",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedByKeyId",
                table: "Interactions",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAtMicros = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    ApiKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LockedUntilMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseHeaders = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseBody = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.ApiKeyId, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ClientId_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "ClientId", "PublishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ClientId_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "ClientId", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ClientId_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "ClientId", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_CreatedAtMicros_Id",
                table: "ApiKeys",
                columns: new[] { "CreatedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ExpiresAtMicros",
                table: "IdempotencyRecords",
                column: "ExpiresAtMicros");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_ClientId_PublishedAtMicros_Id",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Responses_ClientId_RespondedAtMicros_Id",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_ClientId_OpenedAtMicros_Id",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "CreatedByKeyId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "CreatedByKeyId",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "CreatedByKeyId",
                table: "Interactions");
        }
    }
}
