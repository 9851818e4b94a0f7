using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Infrastructure.Entities;

public sealed class InteractionEntity : RecordEntity, IEvolvingRecord
{
    public string? CustomerId { get; init; }
    public Channel Channel { get; init; }
    public required string Type { get; init; }
    public long OpenedAtMicros { get; init; }
    public long? FirstResponseAtMicros { get; set; }
    public long? ResolvedAtMicros { get; set; }
    public InteractionStatus Status { get; set; }
    public int ContactCount { get; set; } = 1;
    public bool Escalated { get; set; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public string? Team { get; set; }
    public List<string> Tags { get; set; } = [];
    public long UpdatedAtMicros { get; set; }
    /// <summary>Log-histogram bins of the first-response and resolution durations (see LogHistogram).</summary>
    public int? FirstResponseBin { get; private set; }
    public int? ResolutionBin { get; private set; }

    /// <summary>Keeps the duration bins in step with the times; call after any time changes.</summary>
    public void UpdateDurationBins()
    {
        FirstResponseBin = FirstResponseAtMicros is { } f ? LogHistogram.BinOf((f - OpenedAtMicros) / 1e6) : null;
        ResolutionBin = ResolvedAtMicros is { } r ? LogHistogram.BinOf((r - OpenedAtMicros) / 1e6) : null;
    }
}
