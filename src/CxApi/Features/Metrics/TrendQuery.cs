namespace CxApi.Features.Metrics;

/// <summary><c>interval</c>: day, week (default; ISO, from Monday), month or quarter; <c>tz</c>: an IANA zone (default UTC).</summary>
public sealed record TrendQuery(string? Interval, string? Tz);
