using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CxApi.Common.Problems;

namespace CxApi.Common.Json;

/// <summary>
/// A PATCH field (JSON Merge Patch, RFC 7396): absent leaves the stored value alone, <c>null</c> clears it,
/// a value replaces it.
/// </summary>
[JsonConverter(typeof(OptionalConverterFactory))]
public readonly record struct Optional<T>(T Value)
{
    public bool IsSet { get; } = true;

    public T Or(T current) => IsSet ? Value : current;
}

public sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => IsOptional(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Create(typeToConvert, propertyName: null);

    /// <summary>
    /// A type-info modifier (see <see cref="JsonSetup"/>) that gives each Optional property a converter knowing the property's
    /// JSON name. The value is read as a document of its own, whose error paths start at <c>$</c>; with the name, an error
    /// inside it keeps its full path (<c>condition.below</c>, <c>tags[1]</c>). Merge-patch bodies are flat: the property sits at the root.
    /// </summary>
    public static void NameOptionalProperties(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
            if (IsOptional(property.PropertyType))
                property.CustomConverter = Create(property.PropertyType, property.Name);
    }

    private static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);

    private static JsonConverter Create(Type optionalType, string? propertyName) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(optionalType.GetGenericArguments()[0]), propertyName)!;

    private sealed class OptionalConverter<T>(string? propertyName) : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return new(default!);
            try
            {
                return new(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            catch (JsonException e) when (propertyName is not null && e.Path is { } path && !JsonErrors.IsSyntaxError(e))
            {
                throw new JsonException(e.Message, $"$.{propertyName}{path[1..]}", e.LineNumber, e.BytePositionInLine);
            }
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
