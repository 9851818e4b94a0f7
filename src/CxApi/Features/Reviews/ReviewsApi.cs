using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Paging;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
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

        group.MapRecordRoutes<CreateReviewRequest, ReviewEntity, ReviewListQuery, Review>(Resource, (r, caller, now) => r.ToEntity(caller, now),
            new RecordSummaries("Store an online review (1–5 stars)", "Store up to 1,000 reviews in one transaction, with a result per item",
                "List reviews, newest published first, with filters", "Get one review", "Delete a review"),
            ListReviews);
        return app;
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
}
