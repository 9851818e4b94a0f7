namespace CxApi.Common.Http;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";
    /// <summary>Sustained requests per second per API key.</summary>
    public int PermitsPerSecond { get; set; } = 100;
    /// <summary>Requests a key may make at once before the sustained rate applies.</summary>
    public int Burst { get; set; } = 200;
}
