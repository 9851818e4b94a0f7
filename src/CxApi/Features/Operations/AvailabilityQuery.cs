using CxApi.Features.Metrics;

namespace CxApi.Features.Operations;

/// <summary>
/// <c>service</c>: the services (repeatable; an incident counts when it is on any of them); <c>partialWeight</c>: how much
/// a second of partial outage counts as down (0–1, default 0.3); <c>groupBy</c>: <c>service</c>, one group per service.
/// </summary>
public sealed record AvailabilityQuery(string[]? Service, string? From, string? To, double? PartialWeight, string? GroupBy) : IMetricQuery;
