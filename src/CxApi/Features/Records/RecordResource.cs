namespace CxApi.Features.Records;

/// <summary>A kind of ingested record as the API names it: "response" at <c>/v1/responses</c>.</summary>
public sealed record RecordResource(string Name, string Path);
