using CxApi.Tests.Support;

namespace CxApi.Tests.Integration.Access;

/// <summary>One server with an admin (bootstrap), two partners' ingest keys, a read key and a revoked key.</summary>
public sealed class AccessFixture : CxApiFactory, IAsyncLifetime
{
    public string IngestKey { get; private set; } = "";
    public string OtherPartnerKey { get; private set; } = "";
    public string ReadKey { get; private set; } = "";
    public string RevokedKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        IngestKey = (await CreateKeyAsync("ingest", "partner-a")).Key;
        OtherPartnerKey = (await CreateKeyAsync("ingest", "partner-b")).Key;
        ReadKey = (await CreateKeyAsync("read")).Key;
        var (revoked, id) = await CreateKeyAsync("read");
        RevokedKey = revoked;
        (await CreateClient().DeleteAsync($"/v1/api-keys/{id}")).EnsureSuccessStatusCode();
    }

    public string? KeyOf(string role) => role switch
    {
        "admin" => AdminKey,
        "ingest" => IngestKey,
        "read" => ReadKey,
        "revoked" => RevokedKey,
        "unknown" => "cx_live_thisKeyWasNeverIssuedByThisServer000000000",
        _ => null,
    };

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
