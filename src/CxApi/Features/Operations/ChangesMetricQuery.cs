using CxApi.Features.Metrics;

namespace CxApi.Features.Operations;

/// <summary><c>service</c>: the services (repeatable; keys of <c>/v1/services</c>); <c>groupBy</c>: <c>service</c>, one group per service.</summary>
public sealed record ChangesMetricQuery(string[]? Service, string? From, string? To, string? GroupBy) : IMetricQuery;
