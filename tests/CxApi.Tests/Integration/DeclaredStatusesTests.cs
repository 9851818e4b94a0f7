using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// Walks every endpoint's metadata (what the pipeline around the handler does to it) and holds the live OpenAPI
/// document to it: each status that the key check, rate limiter, database, body reading, validation, unknown-query
/// check, conditional GET and idempotency can answer for that endpoint is declared on its operation.
/// </summary>
public sealed class DeclaredStatusesTests
{
    [Fact]
    public async Task EveryStatusThePipelineCanAnswerIsDeclaredOnEveryOperation()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var document = await client.GetOkAsync("/swagger/v1/swagger.json");
        var operations = new Dictionary<string, JsonElement>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                operations[operation.Value.GetProperty("operationId").GetString()!] = operation.Value;

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null && e.RoutePattern.RawText!.StartsWith("/v1", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} endpoints found");

        var missing = new List<string>();
        var walked = new HashSet<string>();
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            Assert.True(operations.TryGetValue(name, out var operation), $"{name} is not in the document");
            var declared = operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Single();
            foreach (var (status, why) in Expected(endpoint, method))
            {
                walked.Add($"{name} {status}");
                if (!declared.Contains(status)) missing.Add($"{name}: {status} ({why})");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        // The walk saw each kind of step in the metadata.
        foreach (var expected in new[] { "GetSurvey 304", "CreateSurvey 403", "GetNps 400", "GetNpsTrend 304", "CreateResponse 413", "CreateResponse 422",
                     "UpdateInteraction 415", "GetDrivers 400", "ListResponses 401", "DeleteReview 404" })
            Assert.Contains(expected, walked);
    }

    private static IEnumerable<(int Status, string Why)> Expected(RouteEndpoint endpoint, string method)
    {
        var metadata = endpoint.Metadata;
        if (metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
        {
            yield return (401, "needs an API key");
            yield return (429, "rate limited per key");
            yield return (503, "reads or writes the database");
            if (metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is Policies.Admin or Policies.Ingest or Policies.Read))
                yield return (403, "not every role may");
            if (method == "POST")
            {
                yield return (409, "an Idempotency-Key still in progress");
                yield return (422, "an Idempotency-Key reused with another body");
            }
        }
        if (metadata.GetMetadata<IAcceptsMetadata>() is not null)
        {
            yield return (400, "reads a JSON body");
            yield return (413, "the body size limit");
            yield return (415, "a body that is not JSON");
        }
        if (metadata.OfType<KnownQueryOnly>().Any()) yield return (400, "an unknown query parameter");
        if (endpoint.RoutePattern.Parameters.Any(p => p.Name == "id")) yield return (404, "an unknown id");
        if (metadata.GetMetadata<HttpCaching>() is not null && method == "GET") yield return (304, "a conditional GET");
    }
}
