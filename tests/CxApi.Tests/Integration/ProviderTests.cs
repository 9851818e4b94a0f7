using CxApi.Tests.Support;

namespace CxApi.Tests.Integration;

public sealed class ProviderTests
{
    [PostgresFact]
    public async Task TheIntegrationSuiteRunsOnPostgreSqlWhenConfigured()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        Assert.Equal("healthy", (await client.GetOkAsync("/health/ready")).GetProperty("checks").GetProperty("database").GetString());
        var provider = await factory.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
    }
}
