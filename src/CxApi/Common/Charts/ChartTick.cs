namespace CxApi.Common.Charts;

/// <summary>A deployment as a tick on the time axis.</summary>
public sealed record ChartTick(DateTimeOffset At, bool Failed, string Label);
