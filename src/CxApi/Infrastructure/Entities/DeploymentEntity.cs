using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

/// <summary>A release, rollback, configuration or flag change of one service; its own time is when it finished.</summary>
public sealed class DeploymentEntity : RecordEntity
{
    public required string Service { get; init; }
    /// <summary>The version deployed (the API field <c>version</c>; <see cref="RecordEntity.Version"/> is the record's own).</summary>
    public string? Release { get; init; }
    public required string Environment { get; init; }
    public DeploymentKind Kind { get; init; }
    public long? StartedAtMicros { get; init; }
    public long FinishedAtMicros { get; init; }
    public DeploymentResult Result { get; init; }
    public string? Initiative { get; init; }
    public string? Url { get; init; }
    /// <summary>
    /// When the <c>deployment.cx_regression</c> watch settled this deployment (sent the event, or saw its after window
    /// end without a regression); null while it is still watched. Set once, by a conditional update, so one instance
    /// sends once.
    /// </summary>
    public long? CxVerdictAtMicros { get; init; }
}
