using CxApi.Common;
using CxApi.Common.Http;
using CxApi.Common.OpenApi;
using CxApi.Common.Problems;
using CxApi.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using System.Text.Json;

namespace CxApi.Features.Integrations;

/// <summary>
/// Inbound webhooks of the tools teams already run: PagerDuty incidents, GitHub deployments, Typeform responses. No API
/// key: the vendor's signature of the raw body, with the secret from the settings, authenticates each delivery; without a
/// secret the integration is off (404). A delivery is handled at most once (by the vendor's delivery id), and one that maps
/// to nothing is answered 200 <c>ignored</c> and logged, so the vendor neither retries it nor turns the webhook off.
/// </summary>
public static class IntegrationsApi
{
    public const string GitHubEventHeader = "X-GitHub-Event", GitHubDeliveryHeader = "X-GitHub-Delivery";

    /// <summary>Vendor payloads are read as their vendors define them: members by their JSON names, unknown ones skipped, not refused.</summary>
    private static readonly JsonSerializerOptions VendorJson = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddCxIntegrations(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<IntegrationsOptions>(configuration.GetSection(IntegrationsOptions.Section))
        .AddScoped<IntegrationDeliveries>()
        .AddScoped<PagerDutyReceiver>()
        .AddScoped<GitHubReceiver>()
        .AddScoped<TypeformReceiver>();

    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder app)
    {
        // No authorization policy: the signature authenticates. The body limit (256 KB) holds as everywhere, and the body
        // is read only after the integration is known to be on; a bad signature costs one HMAC and no database work.
        var group = app.MapGroup("/v1/integrations").WithTags("Integrations").WithMetadata(new VendorPayloadAttribute());

        group.MapPost("/pagerduty", ReceivePagerDuty).Accepts<PagerDutyWebhook>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Named(ReceivePagerDuty, "Receive a PagerDuty V3 webhook: incident events become incidents")
            .WithDescription(
                $"Signed with `{VendorSignatures.PagerDutyHeader}: v1=<hex HMAC-SHA256 of the body>` (several, comma-separated, while a secret " +
                "is rotated: any match passes), the secret in `Integrations__PagerDuty__Secret`. `incident.triggered`, `incident.acknowledged`, " +
                "`incident.resolved` and `incident.priority_updated` create or update the incident whose `externalId` is the PagerDuty incident's " +
                "id: `startedAt` is its `created_at`, `acknowledgedAt` the first acknowledgement's `occurred_at`, `resolvedAt` the last " +
                "resolution's; the title, service and severity come from the newest event, so a late or replayed event never undoes a newer " +
                "one and nothing reopens an incident. A repeated `event.id` changes nothing; other events are ignored. See docs/integrations.md.");

        group.MapPost("/github", ReceiveGitHub).Accepts<GitHubWebhook>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Named(ReceiveGitHub, "Receive a GitHub webhook: deployment statuses become deployments")
            .WithDescription(
                $"Signed with `{VendorSignatures.GitHubHeader}: sha256=<hex HMAC-SHA256 of the body>`, the secret in `Integrations__GitHub__Secret`. " +
                $"A `deployment_status` event (`{GitHubEventHeader}`) in state success, failure or error records the deployment (its " +
                "`externalId` is GitHub's deployment id) of the service `Integrations__GitHub__Services__<repository name>` names, else of the " +
                $"service named like the repository, to the deployment's environment. A repeated `{GitHubDeliveryHeader}` changes nothing; " +
                "`ping` and other events and states are answered and ignored. See docs/integrations.md.");

        group.MapPost("/typeform", ReceiveTypeform).Accepts<TypeformWebhook>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Named(ReceiveTypeform, "Receive a Typeform webhook: form responses become survey responses")
            .WithDescription(
                $"Signed with `{VendorSignatures.TypeformHeader}: sha256=<base64 HMAC-SHA256 of the body>`, the secret in `Integrations__Typeform__Secret`. " +
                "A `form_response` to a form mapped by `Integrations__Typeform__Forms__<form id>__SurveyId`, `__ScoreField` and optionally " +
                "`__CommentField` (question refs) and `__CustomerHidden` (a hidden field) records a response to that survey (its `externalId` " +
                "is the response's token); a score that breaks the survey's scale is a 400. A repeated `event_id` changes nothing; responses " +
                "to other forms are ignored. See docs/integrations.md.");
        return app;
    }

    public static async Task<Results<Ok<IntegrationReceipt>, ValidationProblem, ProblemHttpResult>> ReceivePagerDuty(
        [FromHeader(Name = VendorSignatures.PagerDutyHeader)] string? signature, HttpRequest request,
        IOptionsMonitor<IntegrationsOptions> options, PagerDutyReceiver receiver, AuditTrail audit, ILoggerFactory logs, CancellationToken ct)
    {
        if (options.CurrentValue.PagerDuty.Secret is not { Length: > 0 } secret) return NotConfigured("PagerDuty");
        var body = await ReadAsync(request, ct);
        if (!VendorSignatures.PagerDutyMatches(signature, secret, body)) return await BadSignatureAsync(audit, "pagerduty", VendorSignatures.PagerDutyHeader, ct);
        if (Parse(body) is not { } root) return NotJson();
        var eventType = Member(root, "event", "event_type");
        if (!PagerDutyReceiver.Maps(eventType)) return Ignored(logs, "PagerDuty", $"event type '{eventType}' is not one CxApi maps");
        return Answer(Deserialize<PagerDutyWebhook>(root, out var webhook) ?? await receiver.ReceiveAsync(webhook!, ct));
    }

    public static async Task<Results<Ok<IntegrationReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveGitHub(
        [FromHeader(Name = VendorSignatures.GitHubHeader)] string? signature, [FromHeader(Name = GitHubEventHeader)] string? eventName,
        [FromHeader(Name = GitHubDeliveryHeader)] string? delivery, HttpRequest request, IOptionsMonitor<IntegrationsOptions> options,
        GitHubReceiver receiver, AuditTrail audit, ILoggerFactory logs, CancellationToken ct)
    {
        if (options.CurrentValue.GitHub.Secret is not { Length: > 0 } secret) return NotConfigured("GitHub");
        var body = await ReadAsync(request, ct);
        if (!VendorSignatures.GitHubMatches(signature, secret, body)) return await BadSignatureAsync(audit, "github", VendorSignatures.GitHubHeader, ct);
        if (Parse(body) is not { } root) return NotJson();
        if (eventName == "ping") return TypedResults.Ok(IntegrationReceipt.Ignored("ping: the webhook reaches CxApi."));
        if (eventName != GitHubReceiver.DeploymentStatusEvent) return Ignored(logs, "GitHub", $"event '{eventName}' is not one CxApi maps");
        if (string.IsNullOrWhiteSpace(delivery)) return Problems.Validation(GitHubDeliveryHeader, "is required: it makes a replayed delivery change nothing");
        var state = Member(root, "deployment_status", "state");
        if (GitHubReceiver.ResultOf(state) is not { } result) return Ignored(logs, "GitHub", $"deployment state '{state}' does not end a deployment");
        return Answer(Deserialize<GitHubWebhook>(root, out var webhook) ?? await receiver.ReceiveAsync(delivery, webhook!, result, ct));
    }

    public static async Task<Results<Ok<IntegrationReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveTypeform(
        [FromHeader(Name = VendorSignatures.TypeformHeader)] string? signature, HttpRequest request,
        IOptionsMonitor<IntegrationsOptions> options, TypeformReceiver receiver, AuditTrail audit, ILoggerFactory logs, CancellationToken ct)
    {
        var settings = options.CurrentValue.Typeform;
        if (settings.Secret is not { Length: > 0 } secret) return NotConfigured("Typeform");
        var body = await ReadAsync(request, ct);
        if (!VendorSignatures.TypeformMatches(signature, secret, body)) return await BadSignatureAsync(audit, "typeform", VendorSignatures.TypeformHeader, ct);
        if (Parse(body) is not { } root) return NotJson();
        var eventType = Member(root, "event_type");
        if (eventType != TypeformReceiver.FormResponseEvent) return Ignored(logs, "Typeform", $"event type '{eventType}' is not one CxApi maps");
        var formId = Member(root, "form_response", "form_id");
        if (formId is null || IntegrationClients.Find(settings.Forms, formId) is not { SurveyId.Length: > 0, ScoreField.Length: > 0 } form)
            return Ignored(logs, "Typeform", $"form '{formId}' is not mapped to a survey (Integrations__Typeform__Forms__{formId}__SurveyId and __ScoreField)");
        return Answer(Deserialize<TypeformWebhook>(root, out var webhook) ?? await receiver.ReceiveAsync(webhook!, form, ct));
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct); // held to the endpoint's limit by BodySizeLimitMiddleware
        return body.ToArray();
    }

    private static JsonElement? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string member at <paramref name="path"/>, or null.</summary>
    private static string? Member(JsonElement root, params string[] path)
    {
        var at = root;
        foreach (var name in path)
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at)) return null;
        return at.ValueKind == JsonValueKind.String ? at.GetString() : null;
    }

    /// <summary>The payload as <typeparamref name="T"/>, or the 400 that says which member has the wrong type.</summary>
    private static IntegrationResult? Deserialize<T>(JsonElement root, out T? payload) where T : class
    {
        try
        {
            payload = root.Deserialize<T>(VendorJson);
            return null;
        }
        catch (JsonException e)
        {
            payload = null;
            return IntegrationResult.Invalid(e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "$", "has a value of the wrong type.");
        }
    }

    private static Results<Ok<IntegrationReceipt>, ValidationProblem, ProblemHttpResult> Answer(IntegrationResult result) =>
        result.Errors is { } errors ? Problems.Validation(errors) : TypedResults.Ok(result.Receipt!);

    private static Ok<IntegrationReceipt> Ignored(ILoggerFactory logs, string vendor, string why)
    {
        logs.CreateLogger(typeof(IntegrationsApi)).LogInformation("{Vendor} delivery ignored: {Why}", vendor, why);
        return TypedResults.Ok(IntegrationReceipt.Ignored($"Ignored: {why}."));
    }

    private static ProblemHttpResult NotConfigured(string vendor) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"The {vendor} integration is not configured on this server.");

    /// <summary>The 401 of a delivery whose signature does not match, counted in the audit trail (per tool and minute).</summary>
    private static async Task<ProblemHttpResult> BadSignatureAsync(AuditTrail audit, string tool, string header, CancellationToken ct)
    {
        await audit.CountFailureAsync(AuditAction.SignatureRejected, AuditTargets.Integration, tool, AuditFailureReasons.BadSignature, ct);
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: $"The {header} header is missing or does not match the body; nothing was stored.");
    }

    private static ValidationProblem NotJson() => Problems.Validation("$", "The body must be a JSON object.");
}
