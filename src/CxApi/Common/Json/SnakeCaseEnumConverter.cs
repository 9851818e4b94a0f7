using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Common.Json;

/// <summary>Enums as their lower snake_case names only; numbers and unknown names are rejected with the allowed list.</summary>
public sealed class SnakeCaseEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && EnumText<TEnum>.TryParse(reader.GetString(), out var value)) return value;
            throw new JsonException($"must be one of: {EnumText<TEnum>.AllowedList}");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(EnumText<TEnum>.ToText(value));
    }
}
