using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace CxApi.Common.Json;

public static class JsonSetup
{
    /// <summary>
    /// The one set of wire rules: camelCase names matched exactly (the web defaults ignore case), each property at
    /// most once per object, unknown properties rejected, no NUL in strings, finite numbers, snake_case enums, RFC 3339 times.
    /// </summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Non-ASCII text (review bodies, "×" in definitions) is written as is; HTML-sensitive characters stay escaped.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new NulFreeStringConverter());
        options.Converters.Add(new SnakeCaseEnumConverter());
        options.Converters.Add(new Rfc3339Converter());
        options.Converters.Add(new FiniteNumberConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver())
            .WithAddedModifier(Flattening.Modifier);
    }

    /// <summary>The wire rules outside a request (OpenAPI examples, the figures an alert rule may name).</summary>
    public static JsonSerializerOptions Wire { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true); // shared: nothing may change it, and metadata can be read at once
        return options;
    }

    public static IServiceCollection AddCxJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));
}
