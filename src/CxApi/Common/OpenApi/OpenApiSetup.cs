using CxApi.Common.Auth;
using CxApi.Common.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Reflection;

namespace CxApi.Common.OpenApi;

public static class OpenApiSetup
{
    /// <summary>
    /// The OpenAPI document, with the examples of every <see cref="IOpenApiExamples"/> in <paramref name="features"/> and
    /// batch bodies of <paramref name="batch"/>'s shape.
    /// </summary>
    public static IServiceCollection AddCxOpenApi(this IServiceCollection services, Assembly features, BatchBodyShape batch)
    {
        var examples = features.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOpenApiExamples).IsAssignableFrom(t));
        foreach (var type in examples)
            services.AddSingleton(typeof(IOpenApiExamples), type);
        services.AddSingleton(batch);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CxApi",
                Version = "v1",
                Description = "Customer-experience metrics: survey responses (NPS, CSAT, CES, UX rating, SUS), " +
                              "customer interactions and online reviews, with metrics that carry their uncertainty.",
                Contact = new OpenApiContact { Name = "CxApi maintainers" },
            });
            c.SupportNonNullableReferenceTypes();
            c.UseAllOfToExtendReferenceSchemas();
            c.SchemaFilter<ExampleSchemas>();
            c.SchemaFilter<OptionalNullability>();
            c.SchemaFilter<ResponseSchemas>();
            c.SchemaFilter<VendorPayloadSchemas>();
            c.SchemaFilter<ValidatorRanges>();
            c.SchemaFilter<RequiredFields>();
            c.SchemaFilter<NullableEnums>();
            c.OperationFilter<QueryParameters>();
            c.OperationFilter<BatchBodies>();
            c.OperationFilter<ValidatorRanges>();
            c.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "An API key (cx_live_…). Roles: admin (everything), ingest (writes records, reads its own), read (every GET).",
            });
            c.OperationFilter<AccessDocumentation>();
            c.OperationFilter<ProblemResponses>();
            c.OperationFilter<CxApi.Common.Formats.CsvDocumentation>();
            c.OperationFilter<ConditionalRequests>();
            c.DocumentFilter<DocumentConventions>();
            c.CustomSchemaIds(SchemaIdAttribute.IdOf);
        });
        // Schemas follow the same JSON rules as the wire (camelCase, snake_case enums); PATCH fields
        // (Optional<T>) are documented as the T they carry.
        services.AddSingleton<ISerializerDataContractResolver>(sp =>
        {
            var json = sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            return new FlatteningContractResolver(new JsonSerializerDataContractResolver(json));
        });
        return services;
    }

    public static WebApplication UseCxOpenApi(this WebApplication app)
    {
        // The server is relative: whatever host (or proxy) served the document, "Try it out" calls through it.
        app.UseSwagger(o => o.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = request.PathBase.HasValue ? request.PathBase.Value! : "/" }]));
        app.UseSwaggerUI(o => o.DocumentTitle = "CxApi");
        return app;
    }

    /// <summary>A PATCH field declared <c>Optional&lt;string?&gt;</c> may be sent as <c>null</c> (to clear it): the unwrapped schema says so.</summary>
    private sealed class OptionalNullability : ISchemaFilter
    {
        private readonly NullabilityInfoContext nullability = new();

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is OpenApiSchema { Type: { } type } concrete && context.MemberInfo is PropertyInfo property
                && property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Optional<>)
                && nullability.Create(property).GenericTypeArguments[0].ReadState == NullabilityState.Nullable)
                concrete.Type = type | JsonSchemaType.Null;
        }
    }

    /// <summary>
    /// Schemas as the wire writes them: PATCH fields (<c>Optional&lt;T&gt;</c>) as the T they carry, and a
    /// <see cref="FlattenAttribute"/> property's members in its place (<see cref="Flattening"/>).
    /// </summary>
    private sealed class FlatteningContractResolver(ISerializerDataContractResolver inner) : ISerializerDataContractResolver
    {
        public DataContract GetDataContractForType(Type type)
        {
            var contract = inner.GetDataContractForType(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>)
                ? type.GetGenericArguments()[0]
                : type);
            if (contract.ObjectProperties is not { } properties || !properties.Any(p => Flattening.IsFlattened(p.MemberInfo))) return contract;
            // The flattened members first, then the holder's own by their JSON order (as the figures records'
            // subclasses were listed before the bodies became generic).
            var flat = properties.Where(p => Flattening.IsFlattened(p.MemberInfo))
                .SelectMany(p => GetDataContractForType(p.MemberType).ObjectProperties ?? [])
                .Concat(properties.Where(p => !Flattening.IsFlattened(p.MemberInfo))
                    .OrderBy(p => p.MemberInfo?.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyOrderAttribute>()?.Order ?? 0));
            return DataContract.ForObject(contract.UnderlyingType, [.. flat], contract.ObjectExtensionDataType, contract.ObjectTypeNameProperty,
                contract.ObjectTypeNameValue, contract.JsonConverter);
        }
    }
}
