using System.Text.Json;
using System.Text.Json.Serialization;
using CxApi.Common.Auth;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Records;

/// <summary><c>{ "items": [...] }</c>: up to 1,000 records of one kind, each shaped like its single POST.</summary>
public sealed record BatchRequest(IReadOnlyList<JsonElement>? Items)
{
    public const int MaxItems = 1000;
}

public enum BatchItemStatus { Created, Invalid, Duplicate }

/// <summary>One item's fate: its new id, the id it duplicates, or its errors keyed <c>items[i].field</c>.</summary>
public sealed record BatchItemResult(
    int Index,
    BatchItemStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors = null);

public sealed record BatchResult(int Created, int Failed, IReadOnlyList<BatchItemResult> Results);

public sealed class BatchRequestValidator : AbstractValidator<BatchRequest>
{
    public BatchRequestValidator() =>
        RuleFor(b => b.Items).NotNull().WithMessage("'items' is required.")
            .Must(items => items is null || items.Count is > 0 and <= BatchRequest.MaxItems)
            .WithMessage($"A batch has 1–{BatchRequest.MaxItems} items.");
}

/// <summary>
/// Validates every item as its single POST would, then stores all valid, new items in one transaction.
/// Invalid items and duplicates (of a stored record or of an earlier item) are reported, not stored.
/// </summary>
public sealed class RecordBatches(
    CxDbContext db, Caller caller, IServiceProvider requestServices, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public async Task<BatchResult> StoreAsync<TRequest, TEntity>(
        BatchRequest batch, IValidator<TRequest> validator, Func<TRequest, ValueTask<TEntity>> toEntity, CancellationToken ct)
        where TRequest : class where TEntity : RecordEntity
    {
        var items = batch.Items!;
        var results = new BatchItemResult[items.Count];
        var valid = new List<(int Index, TEntity Entity)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (request, errors) = await ParseAsync(items[i], validator, ct);
            if (request is null)
                results[i] = new BatchItemResult(i, BatchItemStatus.Invalid, Errors: errors!.ToDictionary(e => $"items[{i}].{e.Key}", e => e.Value));
            else valid.Add((i, await toEntity(request)));
        }

        // Optimistic first: most batches repeat no stored externalId, and the unique index checks anyway. A
        // violation (a retried item, or a concurrent writer's) rolls the attempt back; the next one looks the
        // stored externalIds up, so those items become the duplicates they are.
        for (var attempt = 1; ; attempt++)
        {
            var toInsert = await SortOutDuplicatesAsync(valid, results, lookUpStored: attempt > 1, ct);
            try
            {
                await InsertAllAsync(toInsert, ct);
                break;
            }
            catch (Exception e) when (attempt < 4 && DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }

        var created = results.Count(r => r.Status == BatchItemStatus.Created);
        return new BatchResult(created, results.Length - created, results);
    }

    private async Task<(TRequest? Request, IDictionary<string, string[]>? Errors)> ParseAsync<TRequest>(
        JsonElement item, IValidator<TRequest> validator, CancellationToken ct) where TRequest : class
    {
        if (item.ValueKind != JsonValueKind.Object) return (null, new Dictionary<string, string[]> { ["$"] = ["must be an object"] });
        TRequest? request;
        try
        {
            request = item.Deserialize<TRequest>(json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            var (path, message) = JsonErrors.Describe(e, typeof(TRequest));
            return (null, new Dictionary<string, string[]> { [path] = [message] });
        }
        var result = await validator.ValidateAsync(ValidationSetup.ContextFor(request!, requestServices), ct);
        return result.IsValid ? (request, null) : (null, result.ToDictionary());
    }

    private async Task<List<TEntity>> SortOutDuplicatesAsync<TEntity>(
        List<(int Index, TEntity Entity)> valid, BatchItemResult[] results, bool lookUpStored, CancellationToken ct) where TEntity : RecordEntity
    {
        var externalIds = valid.Select(v => v.Entity.ExternalId).OfType<string>().Distinct().ToList();
        var stored = externalIds.Count == 0 || !lookUpStored
            ? []
            : await db.Set<TEntity>().AsNoTracking()
                .Where(r => r.ClientId == caller.ClientId && externalIds.Contains(r.ExternalId!))
                .ToDictionaryAsync(r => r.ExternalId!, r => r.Id, ct);

        var firstInBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        var toInsert = new List<TEntity>();
        foreach (var (index, entity) in valid)
        {
            var externalId = entity.ExternalId;
            if (externalId is not null && stored.TryGetValue(externalId, out var existingId))
            {
                results[index] = Duplicate(index, existingId, $"duplicates the stored record '{existingId}'");
                continue;
            }
            if (externalId is not null && firstInBatch.TryGetValue(externalId, out var first))
            {
                results[index] = Duplicate(index, results[first].Id!, $"duplicates items[{first}]");
                continue;
            }
            if (externalId is not null) firstInBatch[externalId] = index;
            results[index] = new BatchItemResult(index, BatchItemStatus.Created, entity.Id);
            toInsert.Add(entity);
        }
        return toInsert;
    }

    private static BatchItemResult Duplicate(int index, string id, string message) =>
        new(index, BatchItemStatus.Duplicate, id, new Dictionary<string, string[]> { [$"items[{index}].externalId"] = [message] });

    private async Task InsertAllAsync<TEntity>(List<TEntity> records, CancellationToken ct) where TEntity : RecordEntity
    {
        if (records.Count == 0) return;
        var prepared = RecordInserter.Prepare(db, records);
        if (db.Database.CurrentTransaction is { } ambient)
        {
            // Inside the idempotent request's transaction: a failed attempt must leave none of its rows behind.
            await ambient.CreateSavepointAsync("batch", ct);
            try
            {
                await RecordInserter.InsertAsync(db, prepared, ct);
                await ambient.ReleaseSavepointAsync("batch", ct);
            }
            catch
            {
                await ambient.RollbackToSavepointAsync("batch", CancellationToken.None);
                throw;
            }
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RecordInserter.InsertAsync(db, prepared, ct);
        // Once every row is written, a client that hangs up does not cancel the commit halfway.
        await transaction.CommitAsync(CancellationToken.None);
    }
}
