using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CxApi.Common.OpenApi;

/// <summary>
/// Document-wide conventions: every tag an operation uses is defined with a description, and paths are
/// written as callers write them (<c>/v1/surveys</c>, not the route group's <c>/v1/surveys/</c>; routing
/// matches both).
/// </summary>
public sealed class DocumentConventions : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Surveys"] = "Survey definitions: NPS (0–10), CSAT (1–5), CES (1–7), UX rating (1–5) and SUS (ten answers 1–5).",
        ["Survey responses"] = "Answers to surveys. A response is scored on its survey's scale; SUS answers get their computed score.",
        ["Interactions"] = "Support tickets, chats, calls and digital sessions with their timings; updated with ETag-guarded merge patches.",
        ["Reviews"] = "Online reviews (1–5 stars) from any source.",
        ["Services"] = "The service catalogue: the keys records, incidents and deployments name in `service`, with tier, owner and whether customers use it.",
        ["Incidents"] = "IT incidents (outages, partial outages, degradations, maintenance) on services, moved through their states by ETag-guarded merge patches.",
        ["Deployments"] = "IT changes (deploys, rollbacks, configuration and flag changes) of a service, to measure what each did to CX.",
        ["Metrics"] = "Read-only CX metrics with their uncertainty: `from`/`to` are half-open (default the last 30 days), " +
                      "dimension filters repeat to mean either, `groupBy` splits the result, trends bucket by calendar in a time zone.",
        ["Customers"] = "One customer's responses, interactions and reviews in time order, and the customers at risk today.",
        ["Changes"] = "Incremental sync for BI tools: every create, update and delete after a token, in commit order (JSON or NDJSON).",
        ["Alerts"] = "Rules on any metric figure, evaluated in the background; their triggered and resolved events (admin only).",
        ["Webhooks"] = "Signed (Standard Webhooks) deliveries of alert and record events, with retries and a delivery log (admin only).",
        ["API keys"] = "Keys for callers (admin only). A key's secret is shown once, when it is created; only its hash is stored.",
        ["Administration"] = "Maintenance of the metric rollups (admin only).",
        ["Audit"] = "Who did what (admin only, read-only): key creations and revocations, deletes, changes to services, webhooks and alert rules, " +
                    "integration deliveries, and refused callers counted per minute.",
        ["Integrations"] = "Webhooks from PagerDuty, GitHub and Typeform, checked by the vendor's signature (no API key), stored as incidents, " +
                           "deployments and survey responses.",
        ["Health"] = "Liveness and readiness for load balancers and orchestrators; no API key needed.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in swaggerDoc.Paths)
        {
            var key = path.Length > 1 ? path.TrimEnd('/') : path;
            if (paths.GetValueOrDefault(key) is OpenApiPathItem { Operations: { } into } && item.Operations is { } operations)
                foreach (var (method, operation) in operations) into.TryAdd(method, operation);
            else paths[key] = item;
        }
        swaggerDoc.Paths = paths;

        var used = swaggerDoc.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .Distinct()
            .ToList();
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used.Where(n => swaggerDoc.Tags.All(t => t.Name != n)))
            swaggerDoc.Tags.Add(new OpenApiTag { Name = name });
        foreach (var tag in swaggerDoc.Tags)
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
    }
}
