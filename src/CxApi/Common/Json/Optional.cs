using System.Text.Json.Serialization;

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
