using System.Text.Json;

namespace CxApi.Features.Records;

/// <summary><c>{ "items": [...] }</c>: up to 1,000 records of one kind, each shaped like its single POST.</summary>
public sealed record BatchRequest(IReadOnlyList<JsonElement>? Items)
{
    public const int MaxItems = 1000;
}
