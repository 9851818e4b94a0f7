using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Text.Json.Nodes;

namespace CxApi.Common.OpenApi;

/// <summary>
/// Every error response is documented as an RFC 9457 problem (<c>application/problem+json</c>) with a
/// description of when this API answers it and an example body; 400s carry field-level <c>errors</c>.
/// </summary>
public sealed class ProblemResponses : IOperationFilter
{
    private const string ProblemJson = "application/problem+json";

    private sealed record Known(string Description, string Type, string Title, string Detail);

    private static string Rfc9110(string section) => $"https://tools.ietf.org/html/rfc9110#section-{section}";

    // Types, titles and details as the API writes them (ASP.NET Core's defaults for the status, or this API's own).
    private static readonly Dictionary<int, Known> Statuses = new()
    {
        [400] = new("Invalid request: malformed JSON, an unknown property, or a value that breaks a rule. `errors` lists the messages " +
                    "per field, keyed by its camelCase JSON path (`score`, `answers[3]`, `items[7].rating`).",
            Rfc9110("15.5.1"), "Invalid request", "One or more fields are invalid; see errors."),
        [401] = new("The `X-Api-Key` header is missing, or the key is unknown, revoked or expired (`detail` says which), or it is the previous secret of a rotated key after its grace period.",
            Rfc9110("15.5.2"), "Unauthorized", "Send your API key in the X-Api-Key header."),
        [403] = new("The key's role may not do this.", Rfc9110("15.5.4"), "Forbidden", "A key with the role 'ingest' may not do this."),
        [404] = new("There is no such resource (or it belongs to another client).",
            Rfc9110("15.5.5"), "Not found", "No survey with id '0193a4f0-7c1e-7d2a-9b3c-4e5f6a7b8c9d'."),
        [409] = new("Conflicts with the stored data, or a request with the same `Idempotency-Key` is still in progress; `detail` says which. " +
                    "A duplicate `externalId` also names the stored record in `existingId`.",
            Rfc9110("15.5.10"), "Conflict", "A response with externalId 'partner-77-resp-1' already exists: '0193a4f1-02aa-7b41-8e0f-3d2c1b0a9f8e'."),
        [412] = new("The record has changed since the ETag sent in `If-Match` was read; `currentETag` is its ETag now. GET it again and retry.",
            Rfc9110("15.5.13"), "Precondition failed", "The record has changed since it was read; its current ETag is \"2\". GET it again and retry."),
        [413] = new("The body is larger than this endpoint accepts (256 KB; 8 MB for batches).", Rfc9110("15.5.14"),
            "Request body too large", "This endpoint accepts bodies of at most 256 KB; split the data into smaller requests or batches."),
        [415] = new("The body is not JSON: send `Content-Type: application/json` (or `application/merge-patch+json` for a PATCH).",
            Rfc9110("15.5.16"), "Unsupported Media Type", "Unsupported Media Type."),
        [422] = new("This `Idempotency-Key` was first used with a different request; use a new key for a new request.", Rfc9110("15.5.21"),
            "Idempotency key reused", "This Idempotency-Key was first used with a different request; use a new key for a new request."),
        [429] = new("This key has used up its rate limit; retry after `Retry-After` seconds.", "https://tools.ietf.org/html/rfc6585#section-4",
            "Too many requests", "This API key may make 100 requests per second (bursts of 200); retry after 1 s."),
        [503] = new("The database did not answer; nothing was stored. Retry after `Retry-After` seconds.", Rfc9110("15.6.4"),
            "Database unavailable", "The database did not answer; nothing was stored. Retry in a few seconds."),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is not { } responses) return;
        foreach (var (key, response) in responses)
            if (int.TryParse(key, out var status) && status >= 400 && response is OpenApiResponse concrete)
                Describe(concrete, status, context);

        // In status order, however the endpoint and the filters added them.
        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (key, response) in sorted) responses[key] = response;
    }

    /// <summary>
    /// Adds the problem response for <paramref name="status"/> unless the endpoint documents it already; <paramref name="detail"/>
    /// is the example's, when the caller knows what this operation would say.
    /// </summary>
    public static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string? detail = null)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key)) return;
        var response = new OpenApiResponse();
        Describe(response, status, context, detail);
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        operation.Responses[key] = response;
    }

    private static void Describe(OpenApiResponse response, int status, OperationFilterContext context, string? detail = null)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status);
        var known = Statuses.GetValueOrDefault(status) ?? new Known(reason, "about:blank", reason, $"{reason}.");
        if (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status))
            response.Description = known.Description;

        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        var media = response.Content.TryGetValue(ProblemJson, out var existing) ? existing : new OpenApiMediaType();
        media.Schema ??= context.SchemaGenerator.GenerateSchema(
            status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), context.SchemaRepository);
        media.Example ??= Example(status, detail is null ? known : known with { Detail = detail });
        // A problem is only ever sent as application/problem+json.
        response.Content.Clear();
        response.Content[ProblemJson] = media;
    }

    private static JsonObject Example(int status, Known known)
    {
        var example = new JsonObject
        {
            ["type"] = known.Type,
            ["title"] = known.Title,
            ["status"] = status,
            ["detail"] = known.Detail,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        };
        if (status == StatusCodes.Status400BadRequest)
            example["errors"] = new JsonObject { ["kind"] = new JsonArray("must be one of: nps, csat, ces, rating, sus") };
        if (status == StatusCodes.Status409Conflict)
        {
            example["existingId"] = "0193a4f1-02aa-7b41-8e0f-3d2c1b0a9f8e";
            example["externalId"] = "partner-77-resp-1";
        }
        if (status == StatusCodes.Status412PreconditionFailed) example["currentETag"] = "\"2\"";
        return example;
    }
}
