using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

// Metric rollups: counts per time slot (hour or UTC day) for the total and for each single dimension
// value ("marginals"), kept up to date in the same transaction as every insert, update and delete of a
// record (RollupDeltas), and rebuildable from the records (RollupMaintenance). Dimension "" with
// Value "" is the total; Value "" under a dimension means "records without one".

public sealed class ResponseRollup
{
    public SurveyKind Kind { get; init; }
    public required string Dimension { get; init; }
    public required string Value { get; init; }
    public int SlotSeconds { get; init; }
    public long SlotStartMicros { get; init; }
    public required string SurveyId { get; init; }
    /// <summary>The score (NPS/CSAT/CES/rating) or SUS score of the responses counted.</summary>
    public double Score { get; init; }
    public long Count { get; set; }
}
