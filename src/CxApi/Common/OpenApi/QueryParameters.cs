using CxApi.Common.Validation;
using CxApi.Infrastructure.Records;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Common.OpenApi;

/// <summary>
/// Query parameters bind case-insensitively; the document names them as callers write them (<c>surveyId</c>),
/// lists the values of those that take an enum (<c>kind</c>, <c>channel</c>, <c>status</c>, <c>interval</c>) so
/// that generated clients type them, and describes the ones every list or metric shares.
/// </summary>
public sealed class QueryParameters(IServiceProvider services) : IOperationFilter
{
    private readonly RequiredFields required = new(services);

    /// <summary>Parameters that take an API enum wherever they appear: they reference its schema.</summary>
    private static readonly Dictionary<string, Type> Enums = new()
    {
        ["kind"] = typeof(SurveyKind),
        ["channel"] = typeof(Channel),
        ["status"] = typeof(InteractionStatus),
    };

    private static readonly string PeriodBounds = $"{Rfc3339.Format(Limits.EarliestPeriodTime)} to {Rfc3339.Format(Limits.LatestPeriodTime)}";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["cursor"] = "The `nextCursor` of the previous page; opaque.",
        ["from"] = $"Start of the period, inclusive (RFC 3339 with an offset; {PeriodBounds}).",
        ["to"] = $"End of the period, exclusive (RFC 3339 with an offset; {PeriodBounds}).",
        ["groupBy"] = "A dimension to split the result by: one group (or trend series) per value.",
        ["interval"] = "Calendar bucket of a trend (default week; weeks start on Monday).",
        ["tz"] = "IANA time zone the buckets follow (default UTC), e.g. Europe/Berlin.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var queries = (context.MethodInfo?.GetParameters() ?? [])
            .Where(p => p.IsDefined(typeof(AsParametersAttribute), inherit: false))
            .Select(p => p.ParameterType)
            .ToList();
        // Parameter name → a named schema: the API enum's, or one of the query contract's own lists (named after it).
        var values = Enums.ToDictionary(e => e.Key, e => (Func<IOpenApiSchema>)(() => context.SchemaGenerator.GenerateSchema(e.Value, context.SchemaRepository)));
        foreach (var query in queries)
        {
            var prefix = query.Name.EndsWith("Query", StringComparison.Ordinal) ? query.Name[..^"Query".Length] : query.Name;
            // A metric's groupBy takes the dimensions it filters by.
            if (query.GetProperty("GroupBy") is not null && QueryDimensions.NamesOf(query) is { Count: > 0 } dimensions)
                values["groupBy"] = () => Named($"{prefix}GroupBy", dimensions, context);
            if (query.GetProperty(nameof(IQueryValues.QueryValues), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                is IReadOnlyDictionary<string, IReadOnlyCollection<string>> own)
                foreach (var (name, allowed) in own)
                    values[name] = () => Named(prefix + char.ToUpperInvariant(name[0]) + name[1..], allowed, context);
        }
        var requiredNames = queries.SelectMany(required.RequiredOf).ToHashSet();
        // A query contract describes its own parameters ([property: Description]), next to the defaults and limits it names.
        var described = queries.SelectMany(q => q.GetProperties())
            .Select(p => (Name: JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description))
            .Where(p => p.Description is not null).ToDictionary(p => p.Name, p => p.Description!);

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query || parameter.Name is not { Length: > 0 } name) continue;
            parameter.Name = name = JsonNamingPolicy.CamelCase.ConvertName(name);
            // A limit declares its own default ([DefaultValue]) where it is not the lists' page size.
            if (name == "limit")
                parameter.Description ??= $"Items per page, 1–{Limits.MaxPageSize} (default {parameter.Schema?.Default?.ToString() ?? Limits.DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
            // The server applies a default itself: declared as a schema default, a generated client would send it
            // as if the caller had chosen it. The description says it instead.
            if (parameter.Schema is OpenApiSchema { Default: not null } defaulted) defaulted.Default = null;
            parameter.Description ??= described.GetValueOrDefault(name) ?? Descriptions.GetValueOrDefault(name)
                                      ?? (parameter.Schema?.Type == JsonSchemaType.Array ? "Repeat to match any of several values." : null);
            if (values.TryGetValue(name, out var named) && parameter.Schema is OpenApiSchema schema)
            {
                if (schema.Type == JsonSchemaType.Array && IsString(schema.Items)) schema.Items = named();
                else if (IsString(schema)) parameter.Schema = named();
            }
            if (requiredNames.Contains(name)) parameter.Required = true;
        }
    }

    private static bool IsString(IOpenApiSchema? schema) => schema?.Type is { } type && (type & JsonSchemaType.String) != 0;

    /// <summary>A reference to the string enum <paramref name="id"/> (defined on first use).</summary>
    private static OpenApiSchemaReference Named(string id, IReadOnlyCollection<string> values, OperationFilterContext context)
    {
        if (!context.SchemaRepository.Schemas.ContainsKey(id))
            context.SchemaRepository.AddDefinition(id, new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)] });
        return new OpenApiSchemaReference(id, context.Document);
    }
}
