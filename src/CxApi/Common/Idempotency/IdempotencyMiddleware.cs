using CxApi.Common.Auth;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Common.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on POSTs, per API key. The first request claims the key for this instance (committed
/// at once, so a concurrent duplicate sees it in flight: 409); its work and the record of its response then
/// commit in one transaction, so a crash leaves either both or neither. A claim whose instance has stopped
/// beating (<see cref="ThisInstance"/>) died with it, and a retry takes it over. The owner completes only while
/// it still holds the claim, so work taken over is never done twice. A retry with the same body gets the
/// first status and body back with <c>Idempotent-Replayed: true</c>; with another body, 422.
/// </summary>
public sealed class IdempotencyMiddleware(
    RequestDelegate next, TimeProvider clock, ThisInstance instance, Microsoft.Extensions.Options.IOptions<IdempotencyOptions> options)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private static readonly string[] ReplayedHeaders = ["Location", "ETag", "Link"];

    public async Task InvokeAsync(HttpContext http, CxDbContext db, IProblemDetailsService problems)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values)
            || Caller.From(http.User) is not { } caller)
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~'))
        {
            await WriteProblemAsync(http, problems, new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [Header] = ["must be 1–255 visible ASCII characters, e.g. a UUID"],
            })
            { Status = 400, Title = "Invalid request", Detail = $"The {Header} header is not valid." });
            return;
        }

        var requestHash = await RequestHashAsync(http.Request);
        switch (await ClaimAsync(db, caller.KeyId, key, requestHash))
        {
            case Claim.Mismatch:
                await WriteProblemAsync(http, problems, new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "Idempotency key reused",
                    Detail = $"This {Header} was first used with a different request; use a new key for a new request.",
                });
                return;
            case Claim.InFlight:
                await InFlightAsync(http, problems);
                return;
            case Claim.Replay replay:
                await ReplayAsync(http, replay.Record);
                return;
        }

        await RunAsOwnerAsync(http, db, caller.KeyId, key, problems);
    }

    private static Task InFlightAsync(HttpContext http, IProblemDetailsService problems)
    {
        http.Response.Headers.RetryAfter = "1";
        return WriteProblemAsync(http, problems, new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Request in progress",
            Detail = $"A request with this {Header} is still being processed; retry shortly to get its response.",
        });
    }

    private async Task RunAsOwnerAsync(HttpContext http, CxDbContext db, string apiKeyId, string key, IProblemDetailsService problems)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var committed = false;
        var takenOver = false;
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted))
            {
                await next(http);
                if (http.Response.StatusCode < 500)
                {
                    // Only while this instance still holds the claim: if it was taken over, this work rolls back.
                    takenOver = await Mine(db, apiKeyId, key).ExecuteUpdateAsync(u => u
                        .SetProperty(r => r.State, IdempotencyState.Completed)
                        .SetProperty(r => r.OwnerInstanceId, (string?)null)
                        .SetProperty(r => r.StatusCode, http.Response.StatusCode)
                        .SetProperty(r => r.ResponseHeaders, SnapshotHeaders(http.Response))
                        .SetProperty(r => r.ResponseBody, StoredBody(http, buffer.ToArray())), http.RequestAborted) == 0;
                    if (!takenOver)
                    {
                        await transaction.CommitAsync(http.RequestAborted);
                        committed = true;
                    }
                }
            }
        }
        finally
        {
            http.Response.Body = original;
            // A failed first attempt leaves nothing behind, so that a retry runs it again.
            if (!committed) await Mine(db, apiKeyId, key).ExecuteDeleteAsync(CancellationToken.None);
        }
        if (takenOver)
        {
            http.Response.Clear();
            await InFlightAsync(http, problems);
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private IQueryable<IdempotencyRecordEntity> Mine(CxDbContext db, string apiKeyId, string key) =>
        db.IdempotencyRecords.Where(r => r.ApiKeyId == apiKeyId && r.Key == key && r.OwnerInstanceId == instance.Id);

    private abstract record Claim
    {
        public sealed record Owner : Claim;
        public sealed record Mismatch : Claim;
        public sealed record InFlight : Claim;
        public sealed record Replay(IdempotencyRecordEntity Record) : Claim;
    }

    private async Task<Claim> ClaimAsync(CxDbContext db, string apiKeyId, string key, string requestHash)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = UnixMicros.From(clock.GetUtcNow());
            var inserted = await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "IdempotencyRecords" ("ApiKeyId", "Key", "RequestHash", "State", "OwnerInstanceId", "CreatedAtMicros", "ExpiresAtMicros")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}) ON CONFLICT DO NOTHING
                """,
                apiKeyId, key, requestHash, EnumText<IdempotencyState>.ToText(IdempotencyState.InFlight), instance.Id, now,
                now + (long)options.Value.Retention.TotalMicroseconds);
            if (inserted == 1) return new Claim.Owner();

            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key);
            if (existing is null) continue; // released meanwhile: claim again
            if (existing.ExpiresAtMicros <= now)
            {
                await db.IdempotencyRecords.Where(r => r.ApiKeyId == apiKeyId && r.Key == key && r.ExpiresAtMicros <= now).ExecuteDeleteAsync();
                continue;
            }
            if (existing.RequestHash != requestHash) return new Claim.Mismatch();
            if (existing.State == IdempotencyState.Completed) return new Claim.Replay(existing);
            if (await instance.IsAliveAsync(db, existing.OwnerInstanceId, CancellationToken.None)) return new Claim.InFlight();

            // The owning instance is gone (killed: its transaction rolled back with it): take the key over.
            var taken = await db.IdempotencyRecords
                .Where(r => r.ApiKeyId == apiKeyId && r.Key == key && r.State == IdempotencyState.InFlight && r.OwnerInstanceId == existing.OwnerInstanceId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.OwnerInstanceId, instance.Id));
            if (taken == 1) return new Claim.Owner();
        }
        return new Claim.InFlight();
    }

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string SnapshotHeaders(HttpResponse response) => JsonSerializer.Serialize(
        ReplayedHeaders.Concat(["Content-Type"])
            .Where(h => response.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => response.Headers[h].ToString()));

    /// <summary>The body as stored for replays, with any <see cref="RedactOnReplay"/> property nulled.</summary>
    private static byte[] StoredBody(HttpContext http, byte[] body)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RedactOnReplay>() is not { } redact || body.Length == 0) return body;
        if (JsonNode.Parse(body) is not JsonObject json || !json.ContainsKey(redact.Property)) return body;
        json[redact.Property] = null;
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecordEntity record)
    {
        http.Response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(record.ResponseHeaders ?? "{}") ?? [])
            http.Response.Headers[name] = value;
        http.Response.Headers[ReplayedHeader] = "true";
        if (record.ResponseBody is { Length: > 0 } body) await http.Response.Body.WriteAsync(body);
    }

    private static async Task WriteProblemAsync(HttpContext http, IProblemDetailsService problems, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
