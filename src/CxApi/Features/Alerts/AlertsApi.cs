using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Features.Audit;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Alerts;

public static class AlertsApi
{
    private const string Resource = "alert rule";

    public static IServiceCollection AddCxAlerts(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<AlertOptions>(configuration.GetSection(AlertOptions.Section))
        .AddScoped<AlertEvaluator>()
        .AddHostedService<AlertScheduler>();

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/v1/alert-rules").WithTags("Alerts").RequireAuthorization(Policies.Admin);

        rules.MapCreate<CreateAlertRuleRequest>(CreateAlertRule,
            "Watch a metric: fire alert.triggered when the condition becomes true, alert.resolved when it clears");
        rules.MapList<AlertRuleListQuery>(ListAlertRules, "List alert rules with their state, newest first");
        rules.MapGetById(GetAlertRule, "Get one alert rule with its state");
        rules.MapPatchById<UpdateAlertRuleRequest>(UpdateAlertRule, "Change a rule (JSON Merge Patch; its metric stays)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapDeleteById(DeleteAlertRule, "Delete a rule (its past events stay)");
        rules.MapPost("/evaluate", EvaluateAlertRules)
            .WithName(nameof(EvaluateAlertRules)).WithSummary("Evaluate every active rule now instead of at the next interval; returns the events fired");

        var alerts = app.MapGroup("/v1/alerts").WithTags("Alerts").RequireAuthorization(Policies.Admin);
        alerts.MapGet("/", ListAlerts).Validate<AlertListQuery>()
            .WithName(nameof(ListAlerts)).WithSummary("Fired and resolved alert events, newest first, with the value, n, interval and rule");
        return app;
    }

    public static async Task<Created<AlertRule>> CreateAlertRule(
        CreateAlertRuleRequest request, CxDbContext db, AuditTrail audit, TimeProvider clock, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var entity = request.ToEntity(UnixMicros.From(clock.GetUtcNow()));
        db.Set<AlertRuleEntity>().Add(entity);
        audit.Record(AuditAction.Created, AuditTargets.AlertRule, entity.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/v1/alert-rules/{entity.Id}", entity.Adapt<AlertRule>(mapping));
    }

    public static async Task<Ok<Page<AlertRule>>> ListAlertRules(
        [AsParameters] AlertRuleListQuery query, CxDbContext db, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var rows = await db.Set<AlertRuleEntity>().AsNoTracking()
            .InRange(r => r.CreatedAtMicros, query.FromMicros(), query.ToMicros())
            .Keyset(r => r.CreatedAtMicros, query.Position(), query.PageSize())
            .ToListAsync(ct);
        // Mapped in memory, not projected: the filters are JSON and the condition several columns, so the mapping reads the whole row anyway.
        var page = rows.ToPage(query.PageSize(), r => new Cursor(r.CreatedAtMicros, r.Id), r => r.Adapt<AlertRule>(mapping));
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<AlertRule>, ProblemHttpResult>> GetAlertRule(
        string id, CxDbContext db, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var rule = await db.Set<AlertRuleEntity>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? Problems.NotFound(Resource, id) : TypedResults.Ok(rule.Adapt<AlertRule>(mapping));
    }

    public static async Task<Results<Ok<AlertRule>, ValidationProblem, ProblemHttpResult>> UpdateAlertRule(
        string id, UpdateAlertRuleRequest patch, CxDbContext db, IValidator<CreateAlertRuleRequest> validator, AuditTrail audit, HttpContext http,
        TimeProvider clock, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var rule = await db.Set<AlertRuleEntity>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return Problems.NotFound(Resource, id);

        var merged = rule.ToRequest().Merge(patch);
        var result = await validator.ValidateAsync(ValidationSetup.ContextFor(merged, http.RequestServices), ct);
        if (!result.IsValid) return Problems.Validation(result.ToDictionary());

        rule.Apply(merged);
        if (db.ChangeTracker.HasChanges())
        {
            rule.UpdatedAtMicros = UnixMicros.From(clock.GetUtcNow());
            rule.Version++; // an evaluation of the old rule can no longer record a transition
            audit.Record(AuditAction.Updated, AuditTargets.AlertRule, id);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.Conflict($"Alert rule '{id}' changed state while it was being edited; send the change again.");
            }
        }
        return TypedResults.Ok(rule.Adapt<AlertRule>(mapping));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAlertRule(string id, CxDbContext db, AuditTrail audit, CancellationToken ct) =>
        await audit.WithEventsAsync(async () =>
        {
            if (await db.Set<AlertRuleEntity>().Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0) return false;
            audit.Record(AuditAction.Deleted, AuditTargets.AlertRule, id);
            return true;
        }, ct) ? TypedResults.NoContent() : Problems.NotFound(Resource, id);

    public static async Task<Ok<AlertEvaluation>> EvaluateAlertRules(AlertEvaluator evaluator, CancellationToken ct) =>
        TypedResults.Ok(await evaluator.EvaluateAsync(ct));

    public static async Task<Ok<Page<AlertEvent>>> ListAlerts(
        [AsParameters] AlertListQuery query, CxDbContext db, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var rows = await db.Set<AlertEventEntity>().AsNoTracking()
            .WhereAny(query.RuleId, a => a.RuleId)
            .WhereAny(query.Type, a => a.Type)
            .InRange(a => a.OccurredAtMicros, query.FromMicros(), query.ToMicros())
            .Keyset(a => a.OccurredAtMicros, query.Position(), query.PageSize())
            .ToListAsync(ct);
        // Mapped in memory, not projected: the rule is stored as JSON and read back in .NET.
        var page = rows.ToPage(query.PageSize(), a => new Cursor(a.OccurredAtMicros, a.Id), a => a.Adapt<AlertEvent>(mapping));
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }
}
