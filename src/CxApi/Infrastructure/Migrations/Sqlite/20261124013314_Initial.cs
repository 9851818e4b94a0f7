using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAtMicros = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    PublishedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Touchpoint = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Responses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    SurveyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", nullable: true),
                    SusScore = table.Column<double>(type: "REAL", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InteractionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    RespondedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Responses_Interactions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "Interactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Channel_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Channel", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ClientId_ExternalId",
                table: "Interactions",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CustomerId_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "CustomerId", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Product_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Product", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Region_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Region", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Status_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Status", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Team_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Team", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Type_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Type", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Channel_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "Channel", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ClientId_ExternalId",
                table: "Responses",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_CustomerId_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "CustomerId", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_InteractionId",
                table: "Responses",
                column: "InteractionId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Kind_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "Kind", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Product_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "Product", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Region_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "Region", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_SurveyId_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "SurveyId", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ClientId_ExternalId",
                table: "Reviews",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Product_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "Product", "PublishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "PublishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Rating_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "Rating", "PublishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Region_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "Region", "PublishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Source_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "Source", "PublishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_CreatedAtMicros_Id",
                table: "Surveys",
                columns: new[] { "CreatedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Kind_CreatedAtMicros_Id",
                table: "Surveys",
                columns: new[] { "Kind", "CreatedAtMicros", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Responses");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Interactions");

            migrationBuilder.DropTable(
                name: "Surveys");
        }
    }
}
