namespace CxApi.Features.Health;

public sealed record HealthReportSummary(string Status, IReadOnlyDictionary<string, string> Checks);
