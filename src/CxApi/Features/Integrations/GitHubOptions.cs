namespace CxApi.Features.Integrations;

public sealed class GitHubOptions
{
    /// <summary>The webhook's secret; none: the integration is off.</summary>
    public string? Secret { get; set; }

    /// <summary>Repository name → CxApi service key; an unmapped repository's service key is its name.</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
