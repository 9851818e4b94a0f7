using System.Text.Json;

namespace CxApi.Common.Json;

/// <summary>
/// An error from a deserialization nested in a converter: the inner error's path is relative to the value, and the
/// serializer gives this one the value's own path (it leaves an error that already has a path alone).
/// </summary>
public sealed class NestedJsonException(JsonException inner) : JsonException(inner.Message, inner);
