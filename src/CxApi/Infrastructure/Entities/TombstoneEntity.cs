namespace CxApi.Infrastructure.Entities;

/// <summary>A deleted record, kept so that the changes feed can tell its readers.</summary>
public sealed class TombstoneEntity
{
    public required string Resource { get; init; }
    public long Seq { get; init; }
    public required string RecordId { get; init; }
    public string ClientId { get; init; } = "";
    public long DeletedAtMicros { get; init; }
}
