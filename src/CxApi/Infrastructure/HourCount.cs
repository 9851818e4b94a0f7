namespace CxApi.Infrastructure;

/// <summary>How many records a dimension value has in the UTC hour starting at <c>HourStartMicros</c>.</summary>
public sealed record HourCount(string Value, long HourStartMicros, long Count);
