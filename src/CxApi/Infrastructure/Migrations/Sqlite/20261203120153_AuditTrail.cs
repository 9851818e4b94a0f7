using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    AtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ActorKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Integration = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DeliveryId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Bucket = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorKeyId_AtMicros",
                table: "AuditEvents",
                columns: new[] { "ActorKeyId", "AtMicros" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_AtMicros_Id",
                table: "AuditEvents",
                columns: new[] { "AtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Bucket",
                table: "AuditEvents",
                column: "Bucket",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_TargetKind_TargetId_AtMicros",
                table: "AuditEvents",
                columns: new[] { "TargetKind", "TargetId", "AtMicros" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "AuditKeys");
        }
    }
}
