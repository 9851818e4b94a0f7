using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Paging;
using CxApi.Features.Audit;
using CxApi.Features.Records;
using CxApi.Features.Surveys;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Infrastructure.Records;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Responses;

public static class ResponsesApi
{
    private static readonly RecordResource Resource = new("response", "/v1/responses");

    public static IEndpointRouteBuilder MapResponses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Survey responses").RequireAuthorization(Policies.ReadRecords);

        group.MapRecordRoutes<CreateResponseRequest, ResponseListQuery, SurveyResponse>(
            (CreateResponse, "Submit a survey response (score, or ten answers for SUS)"),
            (CreateResponseBatch, "Submit up to 1,000 survey responses in one transaction, with a result per item"),
            (ListResponses, "List survey responses, newest first, with filters"),
            (GetResponse, "Get one survey response"),
            (DeleteResponse, "Delete a survey response"));
        return app;
    }

    public static async Task<Results<Created<SurveyResponse>, ProblemHttpResult>> CreateResponse(
        CreateResponseRequest request, CxDbContext db, RecordIngest ingest, SurveyLookup surveys, Caller caller, TimeProvider clock,
        TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var survey = await surveys.FindAsync(request.SurveyId!, ct);
        var entity = request.ToEntity(survey!.Kind, caller, UnixMicros.From(clock.GetUtcNow()));
        return await RecordHandlers.CreateAsync(db, ingest, Resource, entity, r => r.Adapt<SurveyResponse>(mapping), response, ct);
    }

    public static async Task<Ok<BatchResult>> CreateResponseBatch(
        BatchRequest batch, RecordBatches batches, IValidator<CreateResponseRequest> validator, SurveyLookup surveys, Caller caller,
        TimeProvider clock, CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        return TypedResults.Ok(await batches.StoreAsync(batch, validator,
            async (CreateResponseRequest r) => r.ToEntity((await surveys.FindAsync(r.SurveyId!, ct))!.Kind, caller, now), ct));
    }

    public static async Task<Results<Ok<Page<SurveyResponse>>, CsvResult>> ListResponses(
        [AsParameters] ResponseListQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var kinds = query.Kind?.Select(EnumText<SurveyKind>.Parse).ToList();
        var filtered = RecordKinds.Responses.WhereDimensions(db.Responses.AsNoTracking().VisibleTo(caller), query)
            .WhereAny(kinds, r => r.Kind)
            .WhereAny(query.CustomerId, r => r.CustomerId)
            .InRange(r => r.RespondedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, r => r.RespondedAtMicros, rows => rows.ProjectToType<SurveyResponse>(mapping),
            r => new Cursor(UnixMicros.From(r.RespondedAt), r.Id), query, response.HttpContext, ct);
    }

    public static Task<Results<Ok<SurveyResponse>, ProblemHttpResult>> GetResponse(
        string id, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
        RecordHandlers.GetAsync<ResponseEntity, SurveyResponse>(db, caller, Resource, id, r => r.Adapt<SurveyResponse>(mapping), response, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteResponse(
        string id, CxDbContext db, Caller caller, AuditTrail audit, CancellationToken ct) =>
        RecordHandlers.DeleteAsync<ResponseEntity>(db, caller, audit, Resource, id, ct);
}
