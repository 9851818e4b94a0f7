using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

// Times are Unix epoch microseconds, UTC (see UnixMicros). Entities stay behind the API: handlers map
// them to the contracts in each feature's Mappings.

public sealed class SurveyEntity
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public SurveyKind Kind { get; init; }
    public string? Question { get; set; }
    public Channel? Channel { get; init; }
    public string? Touchpoint { get; init; }
    public bool Active { get; set; }
    public long CreatedAtMicros { get; init; }
    public long UpdatedAtMicros { get; set; }
}
