using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Reviews;

public static class ReviewsApi
{
    private const string Resource = "review";

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/reviews").WithTags("Reviews");

        group.MapPost("/", CreateReview).Validate<CreateReviewRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(nameof(CreateReview)).WithSummary("Store an online review (1–5 stars)");
        group.MapGet("/", ListReviews).Validate<ReviewListQuery>()
            .WithName(nameof(ListReviews)).WithSummary("List reviews, newest published first, with filters");
        group.MapGet("/{id}", GetReview).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(nameof(GetReview)).WithSummary("Get one review");
        group.MapDelete("/{id}", DeleteReview).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(nameof(DeleteReview)).WithSummary("Delete a review");
        return app;
    }

    public static async Task<Results<Created<Review>, ProblemHttpResult>> CreateReview(
        CreateReviewRequest request, CxDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var entity = request.ToEntity(clientId: "", UnixMicros.From(clock.GetUtcNow()));
        if (await db.InsertAsync(entity, ct) is { } existingId)
            return Problems.DuplicateExternalId(Resource, entity.ExternalId!, existingId);
        return TypedResults.Created($"/v1/reviews/{entity.Id}", entity.ToContract());
    }

    public static async Task<Ok<Page<Review>>> ListReviews(
        [AsParameters] ReviewListQuery query, CxDbContext db, HttpResponse response, CancellationToken ct)
    {
        var rows = await db.Reviews.AsNoTracking()
            .WhereAny(query.Source, r => r.Source)
            .WhereAny(query.Product, r => r.Product)
            .WhereAny(query.Region, r => r.Region)
            .WhereAny(query.CustomerId, r => r.CustomerId)
            .Where(r => query.MinRating == null || r.Rating >= query.MinRating)
            .Where(r => query.MaxRating == null || r.Rating <= query.MaxRating)
            .InRange(r => r.PublishedAtMicros, query.FromMicros(), query.ToMicros())
            .Keyset(r => r.PublishedAtMicros, query.Position(), query.PageSize())
            .ToListAsync(ct);
        var page = rows.ToPage(query.PageSize(), r => new Cursor(r.PublishedAtMicros, r.Id), r => r.ToContract());
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<Review>, ProblemHttpResult>> GetReview(string id, CxDbContext db, HttpResponse response, CancellationToken ct)
    {
        var entity = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (entity is null) return Problems.NotFound(Resource, id);
        response.Headers.ETag = ETags.ForVersion(entity.Version);
        return TypedResults.Ok(entity.ToContract());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteReview(string id, CxDbContext db, CancellationToken ct) =>
        await db.DeleteAsync<ReviewEntity>(id, ct) ? TypedResults.NoContent() : Problems.NotFound(Resource, id);
}
