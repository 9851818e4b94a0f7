using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Redacted",
                table: "Responses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Redacted",
                table: "Incidents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ExpiresAtMicros",
                table: "ApiKeys",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "ApiKeys",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousHashExpiresAtMicros",
                table: "ApiKeys",
                type: "bigint",
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

            migrationBuilder.DropColumn(
                name: "Redacted",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "Redacted",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "Redacted",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ExpiresAtMicros",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "PreviousHashExpiresAtMicros",
                table: "ApiKeys");
        }
    }
}
