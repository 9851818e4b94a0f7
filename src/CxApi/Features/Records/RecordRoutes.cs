using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;

namespace CxApi.Features.Records;

/// <summary>
/// The routes every ingested record kind has: create (409 on a reused externalId), batch (up to 1,000, a larger body
/// limit), list (JSON or CSV), get (with an ETag) and delete; writing takes an ingest key.
/// </summary>
public static class RecordRoutes
{
    public static RecordRouteBuilders MapRecordRoutes<TCreate, TListQuery, TRecord>(this IEndpointRouteBuilder group,
        (Delegate Handler, string Summary) create, (Delegate Handler, string Summary) batch, (Delegate Handler, string Summary) list,
        (Delegate Handler, string Summary) get, (Delegate Handler, string Summary) delete) =>
        new(group.MapCreate<TCreate>(create.Handler, create.Summary).RequireAuthorization(Policies.Ingest)
                .ProducesProblem(StatusCodes.Status409Conflict),
            group.MapPost("/batch", batch.Handler).Validate<BatchRequest>().RequireAuthorization(Policies.Ingest)
                .WithMetadata(new BodySizeLimit(BodySizeLimit.Batch)).Named(batch.Handler, batch.Summary),
            group.MapList<TListQuery>(list.Handler, list.Summary).WithCsvList<TRecord>(),
            group.MapGetById(get.Handler, get.Summary).WithMetadata(HttpCaching.Revalidate),
            group.MapDeleteById(delete.Handler, delete.Summary).RequireAuthorization(Policies.Ingest));
}
