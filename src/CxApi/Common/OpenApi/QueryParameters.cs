using CxApi.Common.Validation;
using CxApi.Features.Metrics.Calculators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Common.OpenApi;

/// <summary>
/// Query parameters bind case-insensitively; the document names them as callers write them (<c>surveyId</c>),
/// lists the values of those that take an enum (<c>kind</c>, <c>channel</c>, <c>status</c>, <c>interval</c>) so
/// that generated clients type them, and describes the ones every list or metric shares.
/// </summary>
public sealed class QueryParameters : IOperationFilter
{
    private static readonly Dictionary<string, IReadOnlyCollection<string>> Enums = new()
    {
        ["kind"] = EnumText<SurveyKind>.AllNames,
        ["channel"] = EnumText<Channel>.AllNames,
        ["status"] = EnumText<InteractionStatus>.AllNames,
        ["interval"] = [.. Enum.GetValues<TrendInterval>().Select(i => JsonNamingPolicy.CamelCase.ConvertName(i.ToString()))],
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
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query || parameter.Name is not { Length: > 0 } name) continue;
            parameter.Name = name = JsonNamingPolicy.CamelCase.ConvertName(name);
            // A limit declares its own default ([DefaultValue]) where it is not the lists' page size.
            if (name == "limit")
                parameter.Description ??= $"Items per page, 1–{Limits.MaxPageSize} (default {parameter.Schema?.Default?.ToString() ?? Limits.DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
            parameter.Description ??= Descriptions.GetValueOrDefault(name)
                                      ?? (parameter.Schema?.Type == JsonSchemaType.Array ? "Repeat to match any of several values." : null);
            if (Enums.TryGetValue(name, out var values) && parameter.Schema is OpenApiSchema schema)
                Restrict(schema.Type == JsonSchemaType.Array ? schema.Items as OpenApiSchema : schema, values);
        }
    }

    private static void Restrict(OpenApiSchema? schema, IReadOnlyCollection<string> values)
    {
        if (schema?.Type is not { } type || (type & JsonSchemaType.String) == 0) return;
        schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)];
    }
}
