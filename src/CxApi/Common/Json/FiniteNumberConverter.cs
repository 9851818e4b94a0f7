using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Common.Json;

/// <summary>
/// Reads a JSON number into a <see cref="double"/> only when it is finite. System.Text.Json rounds a literal
/// beyond ±1.7976931348623157e308 (<c>1e309</c>) to infinity, which no response could ever serialize again; as a
/// converter for <see cref="double"/> this covers every double of every body, <c>double?</c>, PATCH fields and
/// batch items included, and the caller gets a 400 keyed by the field's JSON path.
/// </summary>
public sealed class FiniteNumberConverter : JsonConverter<double>
{
    public const string Requirement = "must be a finite number, between -1.7976931348623157e308 and 1.7976931348623157e308";

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetDouble(); // a string or other token is the serializer's "must be a number"
        return double.IsFinite(value) ? value : throw new JsonException(Requirement);
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
