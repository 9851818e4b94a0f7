namespace CxApi.Features.Webhooks;

/// <summary>The events a webhook can subscribe to.</summary>
public static class WebhookEvents
{
    public const string AlertTriggered = "alert.triggered";
    public const string AlertResolved = "alert.resolved";
    public const string ResponseCreated = "response.created";
    public const string ReviewCreated = "review.created";
    public const string DeploymentCxRegression = "deployment.cx_regression";

    public static readonly IReadOnlyList<string> All = [AlertTriggered, AlertResolved, ResponseCreated, ReviewCreated, DeploymentCxRegression];
}
