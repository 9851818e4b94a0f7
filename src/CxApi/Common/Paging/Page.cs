namespace CxApi.Common.Paging;

/// <summary>A page of a list: <c>{ items, nextCursor }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
