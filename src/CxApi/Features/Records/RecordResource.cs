namespace CxApi.Features.Records;

/// <summary>
/// A kind of ingested record as the API names it: "response" at <c>/v1/responses</c>; <paramref name="ExternalIdField"/> is
/// the field that holds its caller-unique id (a service's is its <c>key</c>); an <paramref name="Audited"/> kind's creations and
/// changes go into the audit trail too (every kind's deletes do).
/// </summary>
public sealed record RecordResource(string Name, string Path, string ExternalIdField = "externalId", bool Audited = false);
