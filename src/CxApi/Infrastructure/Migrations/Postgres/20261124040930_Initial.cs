using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxApi.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Partner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedAtMicros = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    ApiKeyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LockedUntilMicros = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    ResponseHeaders = table.Column<string>(type: "text", nullable: true),
                    ResponseBody = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.ApiKeyId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "InteractionBinRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "integer", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "bigint", nullable: false),
                    Which = table.Column<int>(type: "integer", nullable: false),
                    Bin = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionBinRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.Which, x.Bin });
                });

            migrationBuilder.CreateTable(
                name: "InteractionRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "integer", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Resolved = table.Column<long>(type: "bigint", nullable: false),
                    ResolvedFirstContact = table.Column<long>(type: "bigint", nullable: false),
                    Escalated = table.Column<long>(type: "bigint", nullable: false),
                    Abandoned = table.Column<long>(type: "bigint", nullable: false),
                    WithFirstResponse = table.Column<long>(type: "bigint", nullable: false),
                    WithinDefaultSla = table.Column<long>(type: "bigint", nullable: false),
                    FirstResponseMicros = table.Column<long>(type: "bigint", nullable: false),
                    ResolutionMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros });
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    CustomerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    FirstResponseAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    ResolvedAtMicros = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactCount = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<bool>(type: "boolean", nullable: false),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    UpdatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    FirstResponseBin = table.Column<int>(type: "integer", nullable: true),
                    ResolutionBin = table.Column<int>(type: "integer", nullable: true),
                    ClientId = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false, collation: "C"),
                    CreatedByKeyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReceivedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResponseRollups",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "integer", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "bigint", nullable: false),
                    SurveyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseRollups", x => new { x.Kind, x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.SurveyId, x.Score });
                });

            migrationBuilder.CreateTable(
                name: "ReviewRollups",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SlotSeconds = table.Column<int>(type: "integer", nullable: false),
                    SlotStartMicros = table.Column<long>(type: "bigint", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRollups", x => new { x.Dimension, x.Value, x.SlotSeconds, x.SlotStartMicros, x.Rating });
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    PublishedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ClientId = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false, collation: "C"),
                    CreatedByKeyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReceivedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Touchpoint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Responses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    SurveyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Answers = table.Column<int[]>(type: "integer[]", nullable: true),
                    SusScore = table.Column<double>(type: "double precision", nullable: true),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CustomerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    InteractionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    RespondedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false, collation: "C"),
                    CreatedByKeyId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true, collation: "C"),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReceivedAtMicros = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
