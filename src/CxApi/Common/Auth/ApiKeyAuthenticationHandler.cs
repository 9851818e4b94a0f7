using CxApi.Features.Audit;
using CxApi.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using System.Text.Encodings.Web;

namespace CxApi.Common.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key</c> against the stored hashes on every request (a revoked key fails on
/// its very next request) and answers 401/403 as RFC 9457 problems. A key's current secret and, until its grace period
/// ends, the one its last rotation replaced are accepted; expiry and grace are checked against the clock on every
/// request, cached or not, so both take effect at the exact instant.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CxDbContext db,
    IMemoryCache cache,
    LastUsedTracker lastUsed,
    TimeProvider clock,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>A key as found by one of its secrets; <c>SecretExpiresAtMicros</c> is set when that is the replaced one.</summary>
    private sealed record StoredKey(string Id, ApiKeyRole Role, string? Partner, long? RevokedAtMicros, long? ExpiresAtMicros, long? SecretExpiresAtMicros);

    /// <summary>
    /// How long an active key is remembered without asking the database. Revoking evicts it at once on the
    /// instance that revoked it; other instances notice within this time. Unknown keys are never remembered.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    public static string CacheKey(string hash) => $"api-key:{hash}";

    /// <summary>Why this request's key was refused, and the stored key's id when it is one (for the audit trail).</summary>
    private (string Reason, string? KeyId) _refusal = (AuditFailureReasons.MissingKey, null);
    private string? _refusedPrefix;

    // Every request runs this lookup: compiled once, it skips EF's per-query expression work.
    private static readonly Func<CxDbContext, string, Task<StoredKey?>> KeyByHash = EF.CompileAsyncQuery(
        (CxDbContext db, string hash) => db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash || k.PreviousHash == hash)
            .OrderBy(k => k.Hash == hash ? 0 : 1)
            .Select(k => new StoredKey(k.Id, k.Role, k.Partner, k.RevokedAtMicros, k.ExpiresAtMicros,
                k.Hash == hash ? null : k.PreviousHashExpiresAtMicros))
            .FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
            return AuthenticateResult.NoResult();

        var hash = ApiKeySecrets.Hash(values[0]!);
        _refusedPrefix = ApiKeySecrets.DisplayPrefix(values[0]!); // read only if the key is refused
        if (!cache.TryGetValue(CacheKey(hash), out StoredKey? key))
        {
            key = await KeyByHash(db, hash);
            if (key is { RevokedAtMicros: null }) cache.Set(CacheKey(hash), key, CacheFor);
        }
        if (key is null || key.RevokedAtMicros is not null)
        {
            _refusal = key is null ? (AuditFailureReasons.UnknownKey, null) : (AuditFailureReasons.RevokedKey, key.Id);
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        var now = UnixMicros.From(clock.GetUtcNow());
        if (key.ExpiresAtMicros <= now)
        {
            _refusal = (AuditFailureReasons.ExpiredKey, key.Id);
            return AuthenticateResult.Fail($"The API key expired at {Rfc3339.Format(UnixMicros.ToDateTimeOffset(key.ExpiresAtMicros.Value))}; ask an admin for a new key.");
        }
        if (key.SecretExpiresAtMicros <= now)
        {
            _refusal = (AuditFailureReasons.ExpiredKey, key.Id);
            return AuthenticateResult.Fail("The API key was rotated and this, its previous secret, stopped working at " +
                                           $"{Rfc3339.Format(UnixMicros.ToDateTimeOffset(key.SecretExpiresAtMicros.Value))}; send the new secret.");
        }

        lastUsed.Touch(key.Id, now);
        var caller = new Caller(key.Id, key.Role, key.Partner);
        var identity = new System.Security.Claims.ClaimsIdentity(caller.ToClaims(), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await Context.RequestServices.GetRequiredService<AuditTrail>().CountFailureAsync(
            AuditAction.AuthenticationFailed, AuditTargets.ApiKey, _refusal.KeyId, _refusal.Reason, Context.RequestAborted, _refusedPrefix);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        await WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Unauthorized",
            Detail = result.Failure?.Message ?? $"Send your API key in the {Header} header.",
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = Caller.From(Context.User);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden",
            Detail = $"A key with the role '{(caller is null ? "?" : EnumText<ApiKeyRole>.ToText(caller.Role))}' may not {Request.Method} {Request.Path}.",
        });
    }

    private async Task WriteProblemAsync(ProblemDetails problem) =>
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
}
