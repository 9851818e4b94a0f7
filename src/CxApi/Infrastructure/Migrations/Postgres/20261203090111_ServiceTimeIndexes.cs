using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceTimeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deployments_Service_FinishedAtMicros_Id",
                table: "Deployments");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Service_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "Service", "PublishedAtMicros", "Id" },
                filter: "\"Service\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Service_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "Service", "RespondedAtMicros", "Id" },
                filter: "\"Service\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Service_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Service", "OpenedAtMicros", "Id" },
                filter: "\"Service\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_Service_FinishedAtMicros_Id",
                table: "Deployments",
                columns: new[] { "Service", "FinishedAtMicros", "Id" },
                filter: "\"Service\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_Service_PublishedAtMicros_Id",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Responses_Service_RespondedAtMicros_Id",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_Service_OpenedAtMicros_Id",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Deployments_Service_FinishedAtMicros_Id",
                table: "Deployments");

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_Service_FinishedAtMicros_Id",
                table: "Deployments",
                columns: new[] { "Service", "FinishedAtMicros", "Id" });
        }
    }
}
