using CxApi.Features.Webhooks;
using CxApi.Infrastructure;
using CxApi.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static CxApi.Tests.Integration.Alerts.AlertsAndWebhooksTests;

namespace CxApi.Tests.Integration.Alerts;

/// <summary>Signing secrets are encrypted at rest with Data Protection, whose keys every instance reads from the database.</summary>
public sealed class WebhookSecretsTests
{
    private static Task<string> StoredSecretAsync(CxDbContext db, string webhookId) =>
        db.Database.SqlQueryRaw<string>("""SELECT "ProtectedSecret" AS "Value" FROM "Webhooks" WHERE "Id" = {0}""", webhookId).SingleAsync();

    private static void AssertHoldsNo(string stored, string secret)
    {
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[WebhookSignature.SecretPrefix.Length..], stored, StringComparison.Ordinal); // nor the bare key
        Assert.False(stored.StartsWith(WebhookSignature.SecretPrefix, StringComparison.Ordinal), stored);
    }

    private static Task<JsonElement> PostReviewAsync(HttpClient client) =>
        client.PostOkAsync("/v1/reviews", new { source = "secrets", rating = 3, publishedAt = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1)) });

    [Fact]
    public async Task TheSecretIsShownOnceAndStoredOnlyEncrypted()
    {
        using var factory = Factory(deliver: false);
        var client = factory.CreateClient();
        HttpRequestMessage Create()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks")
            {
                Content = JsonContent.Create(new { url = "https://hooks.example.com/cx", events = new[] { "review.created" } }),
            };
            request.Headers.Add("Idempotency-Key", "create-the-webhook-once");
            return request;
        }

        var created = await (await client.SendAsync(Create())).JsonAsync();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith(WebhookSignature.SecretPrefix, secret);
        var replay = await client.SendAsync(Create());
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        var replayed = await replay.JsonAsync();
        Assert.Equal(created.Id(), replayed.Id());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, replayed.GetProperty("secret").ValueKind);

        // As stored: the column holds the secret encrypted (the application can decrypt it), the replay record not at all.
        var stored = await factory.WithDbAsync(db => StoredSecretAsync(db, created.Id()));
        AssertHoldsNo(stored, secret);
        Assert.Equal(secret, factory.Services.GetRequiredService<WebhookSecrets>().Unprotect(stored));
        var replayBodies = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<byte[]>("""SELECT "ResponseBody" AS "Value" FROM "IdempotencyRecords" """).ToListAsync());
        Assert.All(replayBodies, body => Assert.DoesNotContain(secret, Encoding.UTF8.GetString(body), StringComparison.Ordinal));
        Assert.True(await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "DataProtectionKeys" """).SingleAsync()) >= 1);
        Assert.DoesNotContain(secret, (await client.GetOkAsync($"/v1/webhooks/{created.Id()}")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task AnotherInstanceOnTheDatabaseSignsWithTheSecretShownAtCreation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            // Created by one instance, delivered by another: an OS process with another content root.
            using var creator = Factory(path, deliver: false);
            var (_, secret) = await SubscribeAsync(creator.CreateClient(), receiver.Url, "review.created");
            await using var deliverer = await ServerProcess.StartAsync(path, Fast(deliver: true));
            await PostReviewAsync(deliverer.Client());

            var delivery = Assert.Single(await receiver.WaitForAsync(1));
            Assert.True(WebhookReceiver.SignatureVerifies(delivery, secret), $"{delivery}\n{deliverer.Output}");
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task ASecretWhoseKeyIsMissingIsRecordedAsAFailedAttemptAndNothingIsSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = CxApiFactory.FakeClock();
        using var factory = Factory(clock: clock);
        var client = factory.CreateClient();
        var (webhookId, secret) = await SubscribeAsync(client, receiver.Url, "review.created");
        // As after restoring the database without its key ring: the secret was encrypted with a key the instances lack.
        var foreign = new EphemeralDataProtectionProvider().CreateProtector("elsewhere").Protect(secret);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "Webhooks" SET "ProtectedSecret" = {foreign} WHERE "Id" = {webhookId}"""));
        await PostReviewAsync(client);
        Poll(clock);

        var log = await EventuallyAsync(client, $"/v1/webhooks/{webhookId}/deliveries",
            page => page.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("attemptCount").GetInt32() >= 1));
        var delivery = log.GetProperty("items")[0];
        Assert.Equal("pending", delivery.GetProperty("status").GetString()); // retried with backoff, as any failure
        Assert.Equal(1, delivery.GetProperty("attemptCount").GetInt32());
        Assert.True(delivery.GetProperty("nextAttemptAt").GetDateTimeOffset() > clock.GetUtcNow(), delivery.ToString());
        Assert.Equal("the signing secret could not be decrypted (its Data Protection key is missing)",
            delivery.GetProperty("attempts")[0].GetProperty("error").GetString());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task APlainTextSecretFromBeforeTheUpgradeIsEncryptedAtStartOnceAndStillSigns()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            var legacySecret = WebhookSignature.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            const string webhookId = "0193a4f2-5f70-7c99-a5b6-0d1e2f3a4b52";
            await using (var db = TestDatabase.OpenContext(path))
            {
                await db.GetService<IMigrator>().MigrateAsync("AlertsAndWebhooks"); // the schema that stored secrets in plain text
                object events = TestDatabase.IsPostgres ? new[] { "review.created" } : """["review.created"]""";
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "Webhooks" ("Id", "Url", "Events", "Secret", "CreatedAtMicros") VALUES ({webhookId}, {receiver.Url}, {events}, {legacySecret}, 0)""");
            }

            using var upgraded = Factory(path, deliver: false);
            upgraded.CreateClient();
            var stored = await upgraded.WithDbAsync(db => StoredSecretAsync(db, webhookId));
            AssertHoldsNo(stored, legacySecret);

            // Another instance (another process and content root) finds nothing left to encrypt, and signs with the secret.
            await using (var other = await ServerProcess.StartAsync(path, Fast(deliver: true)))
            {
                await using (var db = TestDatabase.OpenContext(path)) Assert.Equal(stored, await StoredSecretAsync(db, webhookId));
                await PostReviewAsync(other.Client());
                var delivery = Assert.Single(await receiver.WaitForAsync(1));
                Assert.True(WebhookReceiver.SignatureVerifies(delivery, legacySecret), $"{delivery}\n{other.Output}");
            }

            // Two instances starting at once on a plain-text row: it is encrypted once, and stays the secret.
            await upgraded.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "Webhooks" SET "ProtectedSecret" = {legacySecret} WHERE "Id" = {webhookId}"""));
            var encrypted = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => upgraded.WithDbAsync(db =>
                upgraded.Services.GetRequiredService<WebhookSecrets>().ProtectPlainTextAsync(db, CancellationToken.None)))));
            Assert.Equal(1, encrypted.Sum());
            stored = await upgraded.WithDbAsync(db => StoredSecretAsync(db, webhookId));
            AssertHoldsNo(stored, legacySecret);
            Assert.Equal(legacySecret, upgraded.Services.GetRequiredService<WebhookSecrets>().Unprotect(stored));
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }
}
