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

            migrationBuilder.CreateTable(
                name: "InteractionBinRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Which = table.Column<int>(type: "INTEGER", nullable: false),
                    Bin = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionBinRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.Which, x.Bin });
                });

            migrationBuilder.CreateTable(
                name: "InteractionRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedFirstContact = table.Column<long>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<long>(type: "INTEGER", nullable: false),
                    Abandoned = table.Column<long>(type: "INTEGER", nullable: false),
                    WithFirstResponse = table.Column<long>(type: "INTEGER", nullable: false),
                    WithinDefaultSla = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResponseMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros });
                });

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
                    FirstResponseBin = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolutionBin = table.Column<int>(type: "INTEGER", nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CreatedByKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAtMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResponseRollups",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    SurveyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseRollups", x => new { x.Kind, x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.SurveyId, x.Score });
                });

            migrationBuilder.CreateTable(
                name: "ReviewRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.Rating });
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
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CreatedByKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
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
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CreatedByKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
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

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ClientId_ExternalId",
                table: "Interactions",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ClientId_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "ClientId", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CustomerId_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "CustomerId", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_Status_OpenedAtMicros_Id",
                table: "Interactions",
                columns: new[] { "Status", "OpenedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ClientId_ExternalId",
                table: "Responses",
                columns: new[] { "ClientId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ClientId_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "ClientId", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_CustomerId_RespondedAtMicros_Id",
                table: "Responses",
                columns: new[] { "CustomerId", "RespondedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_InteractionId",
                table: "Responses",
                column: "InteractionId");

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
                name: "IX_Reviews_ClientId_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "ClientId", "PublishedAtMicros", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_PublishedAtMicros_Id",
                table: "Reviews",
                columns: new[] { "PublishedAtMicros", "Id" });

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
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InteractionBinRollups");

            migrationBuilder.DropTable(
                name: "InteractionRollups");

            migrationBuilder.DropTable(
                name: "ResponseRollups");

            migrationBuilder.DropTable(
                name: "Responses");

            migrationBuilder.DropTable(
                name: "ReviewRollups");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Interactions");

            migrationBuilder.DropTable(
                name: "Surveys");
        }
    }
}
