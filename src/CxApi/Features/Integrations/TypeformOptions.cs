namespace CxApi.Features.Integrations;

public sealed class TypeformOptions
{
    /// <summary>The webhook's secret; none: the integration is off.</summary>
    public string? Secret { get; set; }

    /// <summary>Form id → how its responses become survey responses; a form without one is ignored.</summary>
    public Dictionary<string, TypeformForm> Forms { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
