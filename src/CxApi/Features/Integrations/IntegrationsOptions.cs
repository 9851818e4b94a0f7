namespace CxApi.Features.Integrations;

/// <summary>
/// The inbound integrations, configured by settings alone (<c>Integrations__PagerDuty__Secret</c> and so on). An
/// integration without a secret is off: its route answers 404.
/// </summary>
public sealed class IntegrationsOptions
{
    public const string Section = "Integrations";

    public PagerDutyOptions PagerDuty { get; set; } = new();
    public GitHubOptions GitHub { get; set; } = new();
    public TypeformOptions Typeform { get; set; } = new();
}
