using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

/// <summary>An IT incident on one or more services; its own time is when it started. Tools move it through its states by PATCH.</summary>
public sealed class IncidentEntity : RecordEntity, IEvolvingRecord, IRedactableRecord
{
    public required string Title { get; set; }
    /// <summary>The keys of the services it concerns (what records name in <c>service</c>); at least one.</summary>
    public List<string> Services { get; set; } = [];
    public IncidentSeverity Severity { get; set; }
    public IncidentImpact Impact { get; set; }
    public long StartedAtMicros { get; set; }
    public long? DetectedAtMicros { get; set; }
    public long? AcknowledgedAtMicros { get; set; }
    public long? MitigatedAtMicros { get; set; }
    /// <summary>Null while the incident is ongoing.</summary>
    public long? ResolvedAtMicros { get; set; }
    /// <summary>Customers known to be affected.</summary>
    public List<string> CustomerIds { get; set; } = [];
    public string? CausedByDeploymentId { get; set; }
    public string? Source { get; set; }
    public string? Url { get; set; }
    public long UpdatedAtMicros { get; set; }
    public bool Redacted { get; set; }

    public bool MaskFreeText(Func<string?, string?> mask)
    {
        var title = mask(Title)!;
        if (title == Title) return false;
        Title = title;
        return true;
    }
}
