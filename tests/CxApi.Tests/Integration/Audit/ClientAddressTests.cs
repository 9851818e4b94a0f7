using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace CxApi.Tests.Integration.Audit;

/// <summary>
/// The address an audit event names: behind a configured proxy, the client's from <c>X-Forwarded-For</c>; from any
/// other peer, the peer's own, whatever headers it sends.
/// </summary>
public sealed class ClientAddressTests
{
    private const string Proxy = "10.20.30.40", Client = "203.0.113.9";

    /// <summary>The application as a peer at <see cref="Proxy"/> reaches it (the test server has no socket to take it from).</summary>
    private sealed class PeerFactory : CxApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(Proxy))));
        }
    }

    private sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }

    private static async Task<AuditEventEntity> RevokeThroughAsync(CxApiFactory factory)
    {
        var (_, id) = await factory.CreateKeyAsync("read");
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/v1/api-keys/{id}");
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.NoContent, (await factory.CreateClient().SendAsync(request)).StatusCode);
        return await factory.WithDbAsync(db => db.Set<AuditEventEntity>().AsNoTracking().SingleAsync(e => e.TargetId == id && e.Action == CxApi.Common.AuditAction.Revoked));
    }

    [Fact]
    public async Task BehindAKnownProxyTheEventCarriesTheForwardedClientAddress()
    {
        using var factory = new PeerFactory { Settings = { ["ForwardedHeaders:KnownProxies:0"] = Proxy } };
        Assert.Equal(Client, (await RevokeThroughAsync(factory)).RemoteAddress);
    }

    [Fact]
    public async Task AProxyInAKnownNetworkIsBelievedToo()
    {
        using var factory = new PeerFactory { Settings = { ["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16" } };
        Assert.Equal(Client, (await RevokeThroughAsync(factory)).RemoteAddress);
    }

    [Fact]
    public async Task WithoutAKnownProxyTheForwardedHeaderIsIgnored()
    {
        using var factory = new PeerFactory();
        Assert.Equal(Proxy, (await RevokeThroughAsync(factory)).RemoteAddress);
    }

    [Fact]
    public async Task AnotherPeerThanTheKnownProxyIsNotBelieved()
    {
        using var factory = new PeerFactory { Settings = { ["ForwardedHeaders:KnownProxies:0"] = "10.99.99.99" } };
        Assert.Equal(Proxy, (await RevokeThroughAsync(factory)).RemoteAddress);
    }
}
