using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    CustomerFacing = table.Column<bool>(type: "boolean", nullable: false),
                    Team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false, collation: "C"),
                    CreatedByKeyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReceivedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangeSeq = table.Column<long>(type: "bigint", nullable: false)
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
