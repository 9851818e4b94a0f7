using CxApi.Common.Json;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Features.Customers;

/// <summary>
/// The copies of a customer id outside the records: the first responses kept for <c>Idempotency-Key</c> replays (a
/// created record's body names its customer) and the webhook outbox (a <c>response.created</c> or <c>review.created</c>
/// payload carries the whole record). A stored response keeps its key, so a retry still replays instead of storing the
/// record again, but the customer id is taken out of its body (the member becomes null; an array loses the element). A
/// webhook delivery that names the customer (or carries a record erased with them) is deleted with its attempts: a pending one is never sent, and no copy of
/// the erased record stays in the delivery log. Both are found by the id as the JSON writes it, then checked parsed.
/// </summary>
public sealed class CustomerCopies(CxDbContext db)
{
    private sealed record StoredResponse(string ApiKeyId, string Key, byte[]? ResponseBody);

    /// <summary>
    /// Scrubs the copies of <paramref name="customerId"/>, and deletes the webhook deliveries of the erased records in
    /// <paramref name="unnamedRecordIds"/>, which were the customer's without naming them (a response rating their interaction).
    /// </summary>
    public async Task ScrubAsync(string customerId, IReadOnlyList<string> unnamedRecordIds, int batchSize, CancellationToken ct)
    {
        await ScrubStoredResponsesAsync(customerId, batchSize, ct);
        await DeleteWebhookDeliveriesAsync(customerId, batchSize, ct);
        foreach (var recordId in unnamedRecordIds)
        {
            var spelling = $"\"{recordId}\"";
            await db.Set<WebhookDeliveryEntity>().Where(d => d.Payload.Contains(spelling)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>How a JSON body spells the id as a string or a member name: as this API writes it, and unescaped.</summary>
    public static string[] Spellings(string customerId) =>
        [.. new[] { JsonSerializer.Serialize(customerId, JsonSetup.Wire), $"\"{customerId}\"" }.Distinct(StringComparer.Ordinal)];

    private async Task ScrubStoredResponsesAsync(string customerId, int batchSize, CancellationToken ct)
    {
        var spellings = Spellings(customerId).Select(s => (object)Encoding.UTF8.GetBytes(s)).ToList();
        var contains = db.Database.IsNpgsql()
            ? string.Join(" OR ", spellings.Select((_, i) => $"position({{{i + 2}}} in \"ResponseBody\") > 0"))
            : string.Join(" OR ", spellings.Select((_, i) => $"instr(\"ResponseBody\", {{{i + 2}}}) > 0"));
        string afterKeyId = "", afterKey = "";
        while (true)
        {
            var sql = $$"""
                SELECT "ApiKeyId", "Key", "ResponseBody" FROM "IdempotencyRecords"
                WHERE ("ApiKeyId" > {0} OR ("ApiKeyId" = {0} AND "Key" > {1})) AND ({{contains}})
                ORDER BY "ApiKeyId", "Key"
                LIMIT {{batchSize}}
                """;
            var batch = await db.Database.SqlQueryRaw<StoredResponse>(sql, [afterKeyId, afterKey, .. spellings]).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var stored in batch)
            {
                var body = Scrubbed(stored.ResponseBody!, customerId);
                await db.IdempotencyRecords.Where(r => r.ApiKeyId == stored.ApiKeyId && r.Key == stored.Key)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.ResponseBody, body), ct);
            }
            (afterKeyId, afterKey) = (batch[^1].ApiKeyId, batch[^1].Key);
        }
    }

    private async Task DeleteWebhookDeliveriesAsync(string customerId, int batchSize, CancellationToken ct)
    {
        var spellings = Spellings(customerId);
        var (first, second) = (spellings[0], spellings[^1]);
        // Only the ids are kept while the candidates stream by; they are deleted once the reading is done.
        var naming = new List<string>();
        await foreach (var delivery in db.Set<WebhookDeliveryEntity>().AsNoTracking()
                           .Where(d => d.Payload.Contains(first) || d.Payload.Contains(second))
                           .Select(d => new { d.Id, d.Payload }).AsAsyncEnumerable().WithCancellation(ct))
            if (Names(delivery.Payload, customerId)) naming.Add(delivery.Id);
        foreach (var chunk in naming.Chunk(batchSize))
            await db.Set<WebhookDeliveryEntity>().Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>The body without the id; a body that is not JSON is not kept at all (null).</summary>
    private static byte[]? Scrubbed(byte[] body, string customerId)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
        Scrub(json, customerId);
        return Encoding.UTF8.GetBytes(json?.ToJsonString(JsonSetup.Wire) ?? "null");
    }

    private static bool Names(string payload, string customerId)
    {
        try
        {
            return Scrub(JsonNode.Parse(payload), customerId);
        }
        catch (JsonException)
        {
            return true; // not JSON, yet it holds the id
        }
    }

    /// <summary>Takes every string equal to the id out of <paramref name="node"/>: members become null, array elements and member names go. True when it found one.</summary>
    public static bool Scrub(JsonNode? node, string customerId)
    {
        var found = false;
        switch (node)
        {
            case JsonObject members:
                foreach (var name in members.Select(m => m.Key).ToList())
                {
                    if (name == customerId)
                    {
                        members.Remove(name);
                        found = true;
                    }
                    else if (IsId(members[name], customerId))
                    {
                        members[name] = null;
                        found = true;
                    }
                    else found |= Scrub(members[name], customerId);
                }
                break;
            case JsonArray items:
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (IsId(items[i], customerId))
                    {
                        items.RemoveAt(i);
                        found = true;
                    }
                    else found |= Scrub(items[i], customerId);
                }
                break;
        }
        return found;
    }

    private static bool IsId(JsonNode? node, string customerId) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == customerId;
}
