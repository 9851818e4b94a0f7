using CxApi.Common.Formats;

namespace CxApi.Features.Metrics;

public sealed record MetricsSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset PreviousFrom,
    DateTimeOffset PreviousTo,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<SummaryItem> Metrics,
    IReadOnlyList<string> Omitted) : ICsvExportable
{
    public static string[] CsvPrefix => ["from", "to", "previousFrom", "previousTo"];
    public static Type CsvItemType => typeof(SummaryItem);

    /// <summary>One row per headline metric.</summary>
    public CsvRows ToCsvRows() => new(Metrics.Select(m => (new object?[] { From, To, PreviousFrom, PreviousTo }, (object)m)));
}
