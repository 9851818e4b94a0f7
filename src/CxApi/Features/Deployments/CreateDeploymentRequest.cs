using CxApi.Common;
namespace CxApi.Features.Deployments;

/// <summary>A deployment to record: <c>service</c> and <c>finishedAt</c> are required; <c>environment</c> is production when left out.</summary>
public sealed record CreateDeploymentRequest(
    string? Service,
    DateTimeOffset? FinishedAt,
    string? ExternalId = null,
    string? Version = null,
    string? Environment = null,
    DeploymentKind? Kind = null,
    DateTimeOffset? StartedAt = null,
    DeploymentResult? Result = null,
    string? Initiative = null,
    string? Url = null);
