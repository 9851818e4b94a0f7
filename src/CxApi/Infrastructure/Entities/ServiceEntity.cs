namespace CxApi.Infrastructure.Entities;

/// <summary>
/// An IT or digital service in the catalogue: its <c>key</c> (stored as the record's <see cref="RecordEntity.ExternalId"/>,
/// so it is unique per API client) is the value records, incidents and deployments name in <c>service</c>.
/// </summary>
public sealed class ServiceEntity : RecordEntity, IEvolvingRecord
{
    public required string Name { get; set; }
    /// <summary>1 (most critical) to 4.</summary>
    public int Tier { get; set; }
    public bool CustomerFacing { get; set; }
    public string? Team { get; set; }
    public long UpdatedAtMicros { get; set; }
}
