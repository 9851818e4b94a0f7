namespace CxApi.Features.Demo;

/// <summary>What a demo load stored: the record count, and the ids of the planted outage and regressing release to look at first.</summary>
public sealed record DemoSummary(int Records, string OutageIncidentId, string RegressionDeploymentId, string RollbackDeploymentId);
