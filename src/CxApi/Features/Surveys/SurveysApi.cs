using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
using CxApi.Features.Audit;
using CxApi.Infrastructure;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CxApi.Features.Surveys;

public static class SurveysApi
{
    private const string Resource = "survey";

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/surveys").WithTags("Surveys").RequireAuthorization(Policies.Read);

        group.MapCreate<CreateSurveyRequest>(CreateSurvey, "Define a survey (NPS, CSAT, CES, UX rating or SUS)").RequireAuthorization(Policies.Admin);
        group.MapList<SurveyListQuery>(ListSurveys, "List surveys, newest first").WithCsvList<Survey>();
        group.MapGetById(GetSurvey, "Get one survey").WithMetadata(HttpCaching.Revalidate);
        group.MapPatchById<UpdateSurveyRequest>(UpdateSurvey, "Rename, reword or (de)activate a survey").RequireAuthorization(Policies.Admin);
        group.MapDeleteById(DeleteSurvey, "Delete a survey that has no responses (deactivate it otherwise)")
            .RequireAuthorization(Policies.Admin).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Created<Survey>> CreateSurvey(
        CreateSurveyRequest request, CxDbContext db, TimeProvider clock, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var entity = request.ToEntity(UnixMicros.From(clock.GetUtcNow()));
        db.Surveys.Add(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/v1/surveys/{entity.Id}", entity.Adapt<Survey>(mapping));
    }

    public static async Task<Results<Ok<Page<Survey>>, CsvResult>> ListSurveys(
        [AsParameters] SurveyListQuery query, CxDbContext db, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var kinds = query.Kind?.Select(EnumText<SurveyKind>.Parse).ToList();
        var filtered = db.Surveys.AsNoTracking()
            .WhereAny(kinds, s => s.Kind)
            .Where(s => query.Active == null || s.Active == query.Active)
            .InRange(s => s.CreatedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, s => s.CreatedAtMicros, rows => rows.ProjectToType<Survey>(mapping),
            s => new Cursor(UnixMicros.From(s.CreatedAt), s.Id), query, response.HttpContext, ct);
    }

    public static async Task<Results<Ok<Survey>, ProblemHttpResult>> GetSurvey(
        string id, CxDbContext db, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return survey is null ? Problems.NotFound(Resource, id) : TypedResults.Ok(survey.Adapt<Survey>(mapping));
    }

    public static async Task<Results<Ok<Survey>, ProblemHttpResult>> UpdateSurvey(
        string id, UpdateSurveyRequest request, CxDbContext db, IMemoryCache cache, TimeProvider clock, TypeAdapterConfig mapping,
        CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return Problems.NotFound(Resource, id);

        survey.Name = request.Name.Or(survey.Name)!;
        survey.Question = request.Question.Or(survey.Question);
        survey.Active = request.Active.Or(survey.Active) ?? survey.Active;
        if (db.ChangeTracker.HasChanges())
        {
            survey.UpdatedAtMicros = UnixMicros.From(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            SurveyLookup.Forget(cache, id);
        }
        return TypedResults.Ok(survey.Adapt<Survey>(mapping));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSurvey(
        string id, CxDbContext db, IMemoryCache cache, AuditTrail audit, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return Problems.NotFound(Resource, id);

        db.Surveys.Remove(survey);
        audit.Record(AuditAction.Deleted, AuditTargets.Survey, id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsForeignKeyViolation(e))
        {
            // The Restrict foreign key is the check, in the delete itself: a response stored at the same moment
            // either commits first (and the delete fails) or finds the survey gone.
            var responses = await db.Responses.CountAsync(r => r.SurveyId == id, ct);
            return Problems.Conflict($"Survey '{id}' has {responses} responses; deactivate it (PATCH active: false) instead of deleting it.");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.NotFound(Resource, id); // deleted by a concurrent request
        }
        SurveyLookup.Forget(cache, id);
        return TypedResults.NoContent();
    }
}
