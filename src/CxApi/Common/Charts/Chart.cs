namespace CxApi.Common.Charts;

/// <summary>
/// What a chart shows: its series over <c>[From, To)</c> with axis labels in <paramref name="Zone"/>, the incidents and
/// deployments in that range, and the text a screen reader reads (<paramref name="Title"/>, <paramref name="Description"/>).
/// </summary>
public sealed record Chart(
    string Title,
    string Description,
    string ValueLabel,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeZoneInfo Zone,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartSpan> Incidents,
    IReadOnlyList<ChartTick> Deployments);
