using CxApi.Common.Auth;
using CxApi.Common.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CxApi.Common.OpenApi;

/// <summary>
/// What the pipeline around the handlers does, documented on each operation it applies to: the API-key
/// requirement and the roles that pass it (read from the registered policies), the problems the key
/// check, rate limiter, body limit, idempotency and database can answer, the <c>Idempotency-Key</c> and
/// <c>If-Match</c> headers, and the response headers clients read (<c>Location</c>, <c>Link</c>, <c>Retry-After</c>).
/// </summary>
public sealed class AccessDocumentation(IOptions<AuthorizationOptions> authorization) : IOperationFilter
{
    private static readonly IReadOnlyCollection<string> AllRoles = EnumText<ApiKeyRole>.AllNames;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var method = api.HttpMethod ?? "";
        var hasBody = api.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)
                      || operation.RequestBody is not null;
        var notes = new List<string>();
        operation.Responses ??= [];

        if (RolesFor(api.ActionDescriptor.EndpointMetadata) is { } roles)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [] }];
            notes.Add($"Needs an API key in `{ApiKeyAuthenticationHandler.Header}` with the role {Either(roles)}.");
            if (roles.Contains("ingest"))
                notes.Add("An ingest key sees and changes only its own client's records (its partner's, or its own without a partner): " +
                          "another client's record is a 404.");
            ProblemResponses.Add(operation, context, StatusCodes.Status401Unauthorized);
            if (AllRoles.Except(roles).FirstOrDefault() is { } refused)
                ProblemResponses.Add(operation, context, StatusCodes.Status403Forbidden,
                    $"A key with the role '{refused}' may not {method} /{api.RelativePath?.TrimEnd('/')}.");
            ProblemResponses.Add(operation, context, StatusCodes.Status429TooManyRequests);
            ProblemResponses.Add(operation, context, StatusCodes.Status503ServiceUnavailable);
        }

        if (hasBody)
        {
            ProblemResponses.Add(operation, context, StatusCodes.Status400BadRequest);
            ProblemResponses.Add(operation, context, StatusCodes.Status413PayloadTooLarge);
            ProblemResponses.Add(operation, context, StatusCodes.Status415UnsupportedMediaType);
            if (!api.ActionDescriptor.EndpointMetadata.OfType<VendorPayloadAttribute>().Any())
                notes.Add("Unknown JSON properties are rejected (400); timestamps need an offset (RFC 3339).");
        }

        if (api.ActionDescriptor.EndpointMetadata.OfType<CxApi.Common.Validation.KnownQueryOnly>().Any())
        {
            ProblemResponses.Add(operation, context, StatusCodes.Status400BadRequest);
            notes.Add("A query parameter this endpoint does not take is a 400 naming it (not ignored).");
        }

        if (HttpMethods.IsPatch(method))
            notes.Add("The body is a JSON Merge Patch (RFC 7396): fields left out stay as they are, `null` clears a field.");

        if (HttpMethods.IsPost(method) && operation.Security is { Count: > 0 })
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes retries safe: the same key with the same body within 24 h returns the first response again " +
                              $"(`{IdempotencyMiddleware.ReplayedHeader}: true`) and stores nothing new.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
                Example = "5f0c6a2e-8d1b-4c39-9a57-0b6f2f1e7d44",
            });
            ProblemResponses.Add(operation, context, StatusCodes.Status409Conflict);
            ProblemResponses.Add(operation, context, StatusCodes.Status422UnprocessableEntity);
            notes.Add($"Send an `{IdempotencyMiddleware.Header}` to retry safely: a repeat returns the first response, " +
                      "the same key with another body is a 422, and one still in progress a 409.");
        }

        if (operation.Responses.ContainsKey("412") && !(operation.Parameters ?? []).Any(p => p.Name == "If-Match"))
        {
            ConditionalRequests.AddETagParameter(operation, "If-Match",
                "The ETag from the last GET; when the record has changed since, the request is a 412 and changes nothing.");
            notes.Add("Send the ETag you read as `If-Match` so that a concurrent change is a 412 instead of being overwritten.");
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query && p.Name == "cursor") == true)
        {
            notes.Add("Paged: `limit` items (default 50, at most 1000), newest first; pass `nextCursor` as `cursor` for the next page " +
                      "(also sent as a `Link: <…>; rel=\"next\"` header). Pages are stable under concurrent inserts.");
            AddHeader(operation, "200", "Link", "The next page, when there is one: `<url>; rel=\"next\"`.");
        }
        AddHeader(operation, "201", "Location", "The URL of the created resource.");
        if (operation.Responses.ContainsKey("201") && HttpMethods.IsPost(method))
            AddHeader(operation, "201", IdempotencyMiddleware.ReplayedHeader, "`true` when this is the stored first response to a repeated Idempotency-Key.");

        operation.Description = string.Join("\n\n", new[] { operation.Description }.Where(d => !string.IsNullOrWhiteSpace(d)).Concat(notes));
        if (operation.Description.Length == 0) operation.Description = null;
    }

    /// <summary>
    /// The roles that pass every policy the endpoint requires (a group's and its own), or null when it needs none.
    /// </summary>
    private List<string>? RolesFor(IList<object> metadata)
    {
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        if (policies.Count == 0) return null;
        IEnumerable<string> roles = AllRoles;
        foreach (var name in policies)
        {
            var allowed = authorization.Value.GetPolicy(name)?.Requirements.OfType<ClaimsAuthorizationRequirement>()
                .FirstOrDefault(r => r.ClaimType == Caller.RoleClaim)?.AllowedValues;
            if (allowed is not null) roles = roles.Intersect(allowed);
        }
        return [.. roles];
    }

    private static string Either(List<string> roles) =>
        roles.Count < 2 ? string.Join("", roles) : $"{string.Join(", ", roles[..^1])} or {roles[^1]}";

    private static void AddHeader(OpenApiOperation operation, string status, string name, string description)
    {
        if (operation.Responses?.GetValueOrDefault(status) is not OpenApiResponse response) return;
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd(name, new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
    }
}
