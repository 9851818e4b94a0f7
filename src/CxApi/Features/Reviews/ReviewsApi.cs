using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Paging;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Infrastructure.Records;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Reviews;

public static class ReviewsApi
{
    private static readonly RecordResource Resource = new("review", "/v1/reviews");

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Reviews").RequireAuthorization(Policies.ReadRecords);

        group.MapRecordRoutes<CreateReviewRequest, ReviewListQuery, Review>(
            (CreateReview, "Store an online review (1–5 stars)"),
            (CreateReviewBatch, "Store up to 1,000 reviews in one transaction, with a result per item"),
            (ListReviews, "List reviews, newest published first, with filters"),
            (GetReview, "Get one review"),
            (DeleteReview, "Delete a review"));
        return app;
    }

    public static async Task<Results<Created<Review>, ProblemHttpResult>> CreateReview(
        CreateReviewRequest request, CxDbContext db, RecordIngest ingest, Caller caller, TimeProvider clock, TypeAdapterConfig mapping,
        HttpResponse response, CancellationToken ct)
    {
        var entity = request.ToEntity(caller, UnixMicros.From(clock.GetUtcNow()));
        return await RecordHandlers.CreateAsync(db, ingest, Resource, entity, r => r.Adapt<Review>(mapping), response, ct);
    }

    public static async Task<Ok<BatchResult>> CreateReviewBatch(
        BatchRequest batch, RecordBatches batches, IValidator<CreateReviewRequest> validator, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        return TypedResults.Ok(await batches.StoreAsync(batch, validator, (CreateReviewRequest r) => ValueTask.FromResult(r.ToEntity(caller, now)), ct));
    }

    public static async Task<Results<Ok<Page<Review>>, CsvResult>> ListReviews(
        [AsParameters] ReviewListQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var filtered = RecordKinds.Reviews.WhereDimensions(db.Reviews.AsNoTracking().VisibleTo(caller), query)
            .WhereAny(query.CustomerId, r => r.CustomerId)
            .Where(r => query.MinRating == null || r.Rating >= query.MinRating)
            .Where(r => query.MaxRating == null || r.Rating <= query.MaxRating)
            .InRange(r => r.PublishedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, r => r.PublishedAtMicros, rows => rows.ProjectToType<Review>(mapping),
            r => new Cursor(UnixMicros.From(r.PublishedAt), r.Id), query, response.HttpContext, ct);
    }

    public static Task<Results<Ok<Review>, ProblemHttpResult>> GetReview(
        string id, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
        RecordHandlers.GetAsync<ReviewEntity, Review>(db, caller, Resource, id, r => r.Adapt<Review>(mapping), response, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteReview(string id, CxDbContext db, Caller caller, CancellationToken ct) =>
        RecordHandlers.DeleteAsync<ReviewEntity>(db, caller, Resource, id, ct);
}
