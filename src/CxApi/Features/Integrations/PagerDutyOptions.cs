namespace CxApi.Features.Integrations;

public sealed class PagerDutyOptions
{
    /// <summary>The webhook subscription's signing secret; none: the integration is off.</summary>
    public string? Secret { get; set; }

    /// <summary>PagerDuty service id → CxApi service key. An unmapped service's key is made from its name (<see cref="PagerDutyMapping.ServiceKey"/>).</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
