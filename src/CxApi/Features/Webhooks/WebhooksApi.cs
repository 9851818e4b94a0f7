using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Idempotency;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Features.Audit;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Webhooks;

public static class WebhooksApi
{
    private const string Resource = "webhook";

    public static IServiceCollection AddCxWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.MaxConcurrentAttempts >= 1 && o.MaxConcurrentAttemptsPerWebhook >= 1,
                $"{WebhookOptions.Section}:{nameof(WebhookOptions.MaxConcurrentAttempts)} and {nameof(WebhookOptions.MaxConcurrentAttemptsPerWebhook)} must be at least 1.")
            .ValidateOnStart();
        return services
            .AddCxDataProtection()
            .AddSingleton<WebhookSecrets>()
            .AddSingleton<WebhookOutbox>()
            .AddSingleton<IRecordInsertHook>(sp => sp.GetRequiredService<WebhookOutbox>())
            .AddSingleton<WebhookDispatcher>()
            .AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
    }

    /// <summary>Encrypts signing secrets still stored in plain text (see <see cref="WebhookSecrets.ProtectPlainTextAsync"/>); run after migrating.</summary>
    public static async Task ProtectWebhookSecretsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var protectedCount = await scope.ServiceProvider.GetRequiredService<WebhookSecrets>()
            .ProtectPlainTextAsync(scope.ServiceProvider.GetRequiredService<CxDbContext>(), CancellationToken.None);
        if (protectedCount > 0)
            app.Logger.LogInformation("Encrypted {Count} webhook signing secrets that were stored in plain text", protectedCount);
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);

        group.MapCreate<CreateWebhookRequest>(CreateWebhook, "Subscribe a URL to events; the signing secret is shown only in this response")
            // A replayed creation never shows the secret again.
            .WithMetadata(new RedactOnReplay("secret"));
        group.MapList<WebhookListQuery>(ListWebhooks, "List webhooks (never their secrets), newest first");
        group.MapGetById(GetWebhook, "Get one webhook (never its secret)");
        group.MapDeleteById(DeleteWebhook, "Delete a webhook and its pending deliveries");
        group.MapGet("/{id}/deliveries", ListWebhookDeliveries).Validate<DeliveryListQuery>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(nameof(ListWebhookDeliveries)).WithSummary("A webhook's deliveries, newest first, each with its attempts and status codes");
        return app;
    }

    public static async Task<Created<CreatedWebhook>> CreateWebhook(
        CreateWebhookRequest request, CxDbContext db, WebhookSecrets secrets, WebhookOutbox outbox, AuditTrail audit, TimeProvider clock,
        TypeAdapterConfig mapping, CancellationToken ct)
    {
        var secret = WebhookSignature.NewSecret();
        var entity = request.ToEntity(secrets.Protect(secret), UnixMicros.From(clock.GetUtcNow()));
        db.Set<WebhookEntity>().Add(entity);
        audit.Record(AuditAction.Created, AuditTargets.Webhook, entity.Id);
        await db.SaveChangesAsync(ct);
        outbox.Forget();
        return TypedResults.Created($"/v1/webhooks/{entity.Id}", entity.Adapt<CreatedWebhook>(mapping) with { Secret = secret });
    }

    public static async Task<Ok<Page<Webhook>>> ListWebhooks(
        [AsParameters] WebhookListQuery query, CxDbContext db, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var rows = await db.Set<WebhookEntity>().AsNoTracking()
            .InRange(w => w.CreatedAtMicros, query.FromMicros(), query.ToMicros())
            .Keyset(w => w.CreatedAtMicros, query.Position(), query.PageSize())
            .ProjectToType<Webhook>(mapping) // the protected secret is never read
            .ToListAsync(ct);
        var page = rows.ToPage(query.PageSize(), w => new Cursor(UnixMicros.From(w.CreatedAt), w.Id), w => w);
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<Webhook>, ProblemHttpResult>> GetWebhook(
        string id, CxDbContext db, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var webhook = await db.Set<WebhookEntity>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        return webhook is null ? Problems.NotFound(Resource, id) : TypedResults.Ok(webhook.Adapt<Webhook>(mapping));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhook(
        string id, CxDbContext db, WebhookOutbox outbox, AuditTrail audit, CancellationToken ct)
    {
        var webhook = await db.Set<WebhookEntity>().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (webhook is null) return Problems.NotFound(Resource, id);
        db.Remove(webhook);
        audit.Record(AuditAction.Deleted, AuditTargets.Webhook, id);
        await db.SaveChangesAsync(ct); // its deliveries and their attempts go with it (cascade)
        outbox.Forget();
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Page<WebhookDelivery>>, ProblemHttpResult>> ListWebhookDeliveries(
        string id, [AsParameters] DeliveryListQuery query, CxDbContext db, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        if (!await db.Set<WebhookEntity>().AnyAsync(w => w.Id == id, ct)) return Problems.NotFound(Resource, id);
        var statuses = query.Status?.Select(EnumText<DeliveryStatus>.Parse).ToList();
        var rows = await db.Set<WebhookDeliveryEntity>().AsNoTracking()
            .Where(d => d.WebhookId == id)
            .WhereAny(statuses, d => d.Status)
            .InRange(d => d.CreatedAtMicros, query.FromMicros(), query.ToMicros())
            .Keyset(d => d.CreatedAtMicros, query.Position(), query.PageSize())
            .ToListAsync(ct);
        var ids = rows.ConvertAll(d => d.Id);
        var attempts = (await db.Set<WebhookAttemptEntity>().AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        // Mapped in memory, not projected: each delivery's attempts come from a second query over the page's ids.
        var page = rows.ToPage(query.PageSize(), d => new Cursor(d.CreatedAtMicros, d.Id), d => d.Adapt<WebhookDelivery>(mapping) with
        {
            Attempts = [.. attempts[d.Id].OrderBy(a => a.Number).Select(a => a.Adapt<WebhookAttempt>(mapping))],
        });
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }
}
