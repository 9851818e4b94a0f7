namespace CxApi.Features.Changes;

/// <summary>The last line of an NDJSON feed: where to continue.</summary>
public sealed record ChangeCheckpoint(string Op, string NextToken, bool HasMore);
