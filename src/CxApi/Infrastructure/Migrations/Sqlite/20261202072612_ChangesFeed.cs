using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangesFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_CustomerId_RespondedAtMicros_Id",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_CustomerId_OpenedAtMicros_Id",
                table: "Interactions");

            migrationBuilder.AddColumn<long>(
                name: "ChangeSeq",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeSeq",
                table: "Responses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeSeq",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Resource = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCounters", x => x.Resource);
                });

            migrationBuilder.CreateTable(
                name: "Tombstones",
                columns: table => new
                {
                    Resource = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    DeletedAtMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tombstones", x => new { x.Resource, x.Seq });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChangeSeq",
                table: "Reviews",
                column: "ChangeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ChangeSeq",
                table: "Responses",
                column: "ChangeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_CustomerId_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "CustomerId", "RespondedAtMicros", "Id" },
                filter: "\"CustomerId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ChangeSeq",
                table: "Interactions",
                column: "ChangeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CustomerId_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "CustomerId", "OpenedAtMicros", "Id" },
                filter: "\"CustomerId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeCounters");

            migrationBuilder.DropTable(
                name: "Tombstones");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_ChangeSeq",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Responses_ChangeSeq",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_CustomerId_RespondedAtMicros_Id",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_ChangeSeq",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_CustomerId_OpenedAtMicros_Id",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "ChangeSeq",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ChangeSeq",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ChangeSeq",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_CustomerId_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "CustomerId", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CustomerId_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "CustomerId", "OpenedAtMicros", "Id" });
        }
    }
}
