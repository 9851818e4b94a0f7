using System.Text.Json;
using CxApi.Common.Auth;
using CxApi.Common.Idempotency;
using CxApi.Common.Json;
using CxApi.Features.Customers;
using CxApi.Features.Metrics;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CxApi.Common.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddCxOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CxApi",
                Version = "v1",
                Description = "Customer-experience metrics: survey responses (NPS, CSAT, CES, UX rating, SUS), " +
                              "customer interactions and online reviews, with metrics that carry their uncertainty.",
            });
            c.SupportNonNullableReferenceTypes();
            c.SchemaFilter<MetricExamples>();
            c.SchemaFilter<DriverExamples>();
            c.SchemaFilter<CustomerExamples>();
            c.OperationFilter<CamelCaseQueryParameters>();
            c.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "An API key (cx_live_…). Roles: admin (everything), ingest (writes records, reads its own), read (every GET).",
            });
            c.OperationFilter<AccessDocumentation>();
            c.OperationFilter<CxApi.Common.Formats.CsvDocumentation>();
        });
        // Schemas follow the same JSON rules as the wire (camelCase, snake_case enums); PATCH fields
        // (Optional<T>) are documented as the T they carry.
        services.AddSingleton<ISerializerDataContractResolver>(sp =>
        {
            var json = sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            return new OptionalUnwrappingResolver(new JsonSerializerDataContractResolver(json));
        });
        return services;
    }

    public static WebApplication UseCxOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "CxApi");
        return app;
    }

    /// <summary>Query parameters bind case-insensitively; the document names them as callers write them (<c>surveyId</c>).</summary>
    private sealed class CamelCaseQueryParameters : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name)
                    parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
        }
    }

    /// <summary>
    /// Operations that need a key get the security requirement (Swagger UI's Authorize button) and the
    /// problems every such call may return; POSTs document Idempotency-Key and its problems.
    /// </summary>
    private sealed class AccessDocumentation : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()) return;

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [] }];
            operation.Responses ??= [];
            AddProblem(operation, context, "401", "Missing, unknown or revoked API key");
            AddProblem(operation, context, "403", "The key's role may not do this");
            AddProblem(operation, context, "429", "Rate limit of this key exceeded (see Retry-After)");
            if (!string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)) return;

            AddProblem(operation, context, "409", "Conflict, or a request with this Idempotency-Key is still in flight");
            AddProblem(operation, context, "413", "Request body too large");
            AddProblem(operation, context, "422", "Idempotency-Key reused with a different request");
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes retries safe: the same key with the same body within 24 h returns the first response again " +
                              "(Idempotent-Replayed: true) and stores nothing new.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }

        private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, string status, string description)
        {
            if (operation.Responses!.ContainsKey(status)) return;
            var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
            };
        }
    }

    private sealed class OptionalUnwrappingResolver(ISerializerDataContractResolver inner) : ISerializerDataContractResolver
    {
        public DataContract GetDataContractForType(Type type) =>
            inner.GetDataContractForType(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>)
                ? type.GetGenericArguments()[0]
                : type);
    }
}
