using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Common.Json;

/// <summary>
/// Strings, refusing U+0000 (a JSON "\u0000"): PostgreSQL cannot store it in text, so it would fail as a database
/// error there while SQLite kept it; no field of this API has a use for it. Map keys are held to the same rule.
/// </summary>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    private const string Refused = "must not contain the NUL character (U+0000)";

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("must be a string");
        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Checked(string text) => text.Contains('\0') ? throw new JsonException(Refused) : text;
}
