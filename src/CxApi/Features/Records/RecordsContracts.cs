using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Features.Records;

/// <summary>A kind of ingested record as the API names it: "response" at <c>/v1/responses</c>.</summary>
public sealed record RecordResource(string Name, string Path);

/// <summary><c>{ "items": [...] }</c>: up to 1,000 records of one kind, each shaped like its single POST.</summary>
public sealed record BatchRequest(IReadOnlyList<JsonElement>? Items)
{
    public const int MaxItems = 1000;
}

public enum BatchItemStatus { Created, Invalid, Duplicate }

/// <summary>One item's fate: its new id, the id it duplicates, or its errors keyed <c>items[i].field</c>.</summary>
public sealed record BatchItemResult(
    int Index,
    BatchItemStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors = null);

public sealed record BatchResult(int Created, int Failed, IReadOnlyList<BatchItemResult> Results);
