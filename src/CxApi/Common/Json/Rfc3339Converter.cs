using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Common.Json;

/// <summary>Reads only RFC 3339 timestamps with an offset; writes UTC as <c>Z</c>.</summary>
public sealed class Rfc3339Converter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Rfc3339.TryParse(reader.GetString(), out var value)) return value;
        throw new JsonException(Rfc3339.Requirement);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Rfc3339.Format(value));
}
