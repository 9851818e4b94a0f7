using CxApi.Common.Formats;

namespace CxApi.Features.Operations;

/// <summary>The service scorecard: one row per service of the catalogue over <c>[from, to)</c>, in the order <c>sort</c> names.</summary>
public sealed record Scorecard(DateTimeOffset From, DateTimeOffset To, string Sort, IReadOnlyList<ScorecardRow> Rows) : ICsvExportable
{
    public static string[] CsvPrefix => ["from", "to"];
    public static Type CsvItemType => typeof(ScorecardRow);

    /// <summary>One row per service, led by the period.</summary>
    public CsvRows ToCsvRows() => new(Rows.Select(r => (new object?[] { From, To }, (object)r)));
}
