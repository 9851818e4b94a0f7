namespace CxApi.Features.Changes;

/// <summary>
/// Changes after the token, oldest first. <c>nextToken</c> is where to continue (also when nothing changed);
/// <c>hasMore</c> says whether to ask again at once.
/// </summary>
public sealed record ChangePage<TRecord>(IReadOnlyList<Change<TRecord>> Changes, string NextToken, bool HasMore) where TRecord : class;
