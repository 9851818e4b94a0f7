using System.Text.Json.Serialization;

namespace CxApi.Features.Records;

/// <summary>One item's fate: its new id, the id it duplicates, or its errors keyed <c>items[i].field</c>.</summary>
public sealed record BatchItemResult(
    int Index,
    BatchItemStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors = null);
