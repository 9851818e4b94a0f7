using System.Text.Json;
using CxApi.Common.Json;
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
            c.OperationFilter<CamelCaseQueryParameters>();
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

    private sealed class OptionalUnwrappingResolver(ISerializerDataContractResolver inner) : ISerializerDataContractResolver
    {
        public DataContract GetDataContractForType(Type type) =>
            inner.GetDataContractForType(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>)
                ? type.GetGenericArguments()[0]
                : type);
    }
}
