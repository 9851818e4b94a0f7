namespace CxApi.Features.Metrics;

public sealed record DriverReport(
    string Metric,
    string Factor,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    long LinkedResponses,
    long UnlinkedResponses,
    IReadOnlyList<DriverBucket> Buckets,
    DriverOverall Overall,
    DriverDefinition Definition);
