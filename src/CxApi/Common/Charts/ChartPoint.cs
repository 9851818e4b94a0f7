namespace CxApi.Common.Charts;

/// <summary>One bucket of a series: its value (null when the bucket is empty), its 95 % interval and its count.</summary>
public sealed record ChartPoint(DateTimeOffset Start, DateTimeOffset End, double? Value, double? Low, double? High, long? N, bool LowSample);
