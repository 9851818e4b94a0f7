using Microsoft.AspNetCore.HttpOverrides;
using System.Net;

namespace CxApi.Common.Http;

/// <summary>
/// ASP.NET Core's forwarded-headers middleware with only the configured proxies trusted (not even loopback, its
/// default): behind them the client's address (the audit trail's) and scheme (the <c>Link</c> headers') are the ones the
/// proxy forwarded; from any other peer the headers are ignored.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCxForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The middleware believes every peer when it knows no proxy at all, so with none configured it reads nothing.
            options.ForwardedHeaders = settings.KnownProxies.Length + settings.KnownNetworks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
            foreach (var network in settings.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{network}', which is not a CIDR range such as 10.0.0.0/8."));
        });
    }
}
