namespace CxApi.Features.Records;

/// <summary>The OpenAPI summaries of a record kind's routes.</summary>
public sealed record RecordSummaries(string Create, string Batch, string List, string Get, string Delete);
