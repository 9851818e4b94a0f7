using CxApi.Common.Formats;
using CxApi.Common.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CxApi.Common.OpenApi;

/// <summary>
/// What a conditional GET (<see cref="HttpCaching"/>) answers: the 200's <c>ETag</c> and <c>Cache-Control</c>, the
/// <c>If-None-Match</c> request header, and a 304 without a body when the tag still matches. Also the 200's other
/// media types (<see cref="AlternateMediaType"/>, such as NDJSON).
/// </summary>
public sealed class ConditionalRequests : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok) return;

        foreach (var alternate in metadata.OfType<AlternateMediaType>())
        {
            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            ok.Content[alternate.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = alternate.Description },
            };
        }

        if (metadata.OfType<HttpCaching>().FirstOrDefault() is not { } caching) return;
        AddETagParameter(operation, "If-None-Match", "The ETag of the copy you hold; when it still matches, the answer is a 304 without a body.");
        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        ok.Headers["ETag"] = Header("The version of this answer; send it as `If-None-Match` to revalidate.");
        ok.Headers["Cache-Control"] = Header($"`{caching.CacheControl}`: keep it, but revalidate before each use.");
        operation.Responses["304"] = new OpenApiResponse
        {
            Description = "Not modified: the `If-None-Match` tag is still current; no body.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["ETag"] = Header("The current version (the one sent)."),
                ["Cache-Control"] = Header($"`{caching.CacheControl}`."),
            },
        };
        var sorted = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (key, response) in sorted) operation.Responses[key] = response;
    }

    /// <summary>An optional request header carrying an ETag (<c>If-Match</c>, <c>If-None-Match</c>).</summary>
    public static void AddETagParameter(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = "\"1\"",
        });
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
