using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Common.Auth;

/// <summary>What each role may do: admin everything; ingest writes records; read reads everything.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Ingest = nameof(Ingest);
    public const string Read = nameof(Read);
    /// <summary>GETs of records: read and admin see all, ingest its own.</summary>
    public const string ReadRecords = nameof(ReadRecords);

    public static IServiceCollection AddCxAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        // No default scheme, not even the implicit one of a single registered scheme: only endpoints that
        // require a policy authenticate, so health checks and Swagger never touch the key store.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, p => Roles(p, "admin"))
            .AddPolicy(Ingest, p => Roles(p, "admin", "ingest"))
            .AddPolicy(Read, p => Roles(p, "admin", "read"))
            .AddPolicy(ReadRecords, p => Roles(p, "admin", "read", "ingest"));
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped(sp => Caller.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new())
                                 ?? throw new InvalidOperationException("No authenticated API key in this scope."));
        services.AddSingleton<LastUsedTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<LastUsedTracker>());
        return services;
    }

    private static void Roles(AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(Caller.RoleClaim, roles);

    /// <summary>
    /// Makes sure an admin can get in: keeps the configured bootstrap key, or, with none configured and no
    /// active admin key stored, creates one and prints it once to the console.
    /// </summary>
    public static async Task EnsureAdminKeyAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        var now = UnixMicros.From(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        var configured = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.BootstrapAdminKey;

        if (!string.IsNullOrEmpty(configured))
        {
            var hash = ApiKeySecrets.Hash(configured);
            var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash);
            if (existing is null)
                db.ApiKeys.Add(NewAdmin(configured, "bootstrap admin (Auth__BootstrapAdminKey)", now));
            else existing.RevokedAtMicros = null;
            await db.SaveChangesAsync();
            return;
        }

        if (await db.ApiKeys.AnyAsync(k => k.Role == ApiKeyRole.Admin && k.RevokedAtMicros == null && (k.ExpiresAtMicros == null || k.ExpiresAtMicros > now)))
            return;
        var key = ApiKeySecrets.Generate();
        db.ApiKeys.Add(NewAdmin(key, "first admin (created at start)", now));
        await db.SaveChangesAsync();
        Console.WriteLine($"""

            ================================================================
             CxApi created an admin API key. It is shown only this once:

                 {key}

             Send it as the X-Api-Key header, or set Auth__BootstrapAdminKey.
            ================================================================

            """);
    }

    private static ApiKeyEntity NewAdmin(string key, string name, long now) => new()
    {
        Id = Ids.New(),
        Name = name,
        Role = ApiKeyRole.Admin,
        Prefix = ApiKeySecrets.DisplayPrefix(key),
        Hash = ApiKeySecrets.Hash(key),
        CreatedAtMicros = now,
    };
}
