using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Services : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Services",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerFacing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CreatedByKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Services", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Services_ChangeSeq",
                table: "Services",
                column: "ChangeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Services_ClientId_ExternalId",
                table: "Services",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Services_ClientId_ReceivedAtMicros_Id",
                table: "Services",
                columns: new[] { "ClientId", "ReceivedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Services_ReceivedAtMicros_Id",
                table: "Services",
                columns: new[] { "ReceivedAtMicros", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Services");
        }
    }
}
