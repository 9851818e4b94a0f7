namespace CxApi.Common.Http;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> CxApi believes: addresses
/// (<c>ForwardedHeaders__KnownProxies__0</c>) and CIDR ranges (<c>ForwardedHeaders__KnownNetworks__0</c>). None by
/// default, so a client that sends the headers itself changes nothing.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";
    public string[] KnownProxies { get; set; } = [];
    public string[] KnownNetworks { get; set; } = [];
}
