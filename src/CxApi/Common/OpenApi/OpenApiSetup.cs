using System.Text.Json;
using CxApi.Common.Json;
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

    private sealed class OptionalUnwrappingResolver(ISerializerDataContractResolver inner) : ISerializerDataContractResolver
    {
        public DataContract GetDataContractForType(Type type) =>
            inner.GetDataContractForType(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>)
                ? type.GetGenericArguments()[0]
                : type);
    }
}
