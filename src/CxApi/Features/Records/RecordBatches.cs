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
/// Invalid items and duplicates (of a stored record or of an earlier item) are reported, not stored; so is
/// an item the database refuses although it was valid (its interaction deleted meanwhile).
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
            catch (Exception e) when (DbErrors.IsRefusedData(e))
            {
                // Another refusal (say, an interaction deleted since its item was validated) concerns only its
                // own item: store each item under its own savepoint instead, still in one transaction.
                db.ChangeTracker.Clear();
                await InsertEachAsync(valid, results, ct);
                break;
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
        await InTransactionAsync(async () =>
        {
            await RecordInserter.InsertAsync(db, prepared, ct);
            return prepared;
        }, ct);
    }

    /// <summary>Stores the valid items one by one; an item the database refuses gets its own result.</summary>
    private async Task InsertEachAsync<TEntity>(List<(int Index, TEntity Entity)> valid, BatchItemResult[] results, CancellationToken ct)
        where TEntity : RecordEntity
    {
        var outcomes = await InTransactionAsync(async () =>
        {
            var each = await RecordStore.InsertEachAsync(db, valid.ConvertAll(v => v.Entity), ct);
            // A refusal that is not the item's to report fails the batch, which then stores nothing.
            if (each.FirstOrDefault(o => o.IsFaulted) is { } failed) await failed;
            return each;
        }, ct);
        var itemOf = valid.ToDictionary(v => v.Entity.Id, v => v.Index);
        for (var i = 0; i < valid.Count; i++)
        {
            var index = valid[i].Index;
            results[index] = (await outcomes[i]) switch
            {
                InsertOutcome.Duplicate { ExistingId: var id } when itemOf.TryGetValue(id, out var first) => Duplicate(index, id, $"duplicates items[{first}]"),
                InsertOutcome.Duplicate { ExistingId: var id } => Duplicate(index, id, $"duplicates the stored record '{id}'"),
                InsertOutcome.MissingReference missing => new BatchItemResult(index, BatchItemStatus.Invalid,
                    Errors: new Dictionary<string, string[]> { [$"items[{index}].{missing.Field}"] = [missing.Message] }),
                _ => new BatchItemResult(index, BatchItemStatus.Created, valid[i].Entity.Id),
            };
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction of its own, or inside the idempotent request's transaction
    /// under a savepoint, so that a failed write leaves none of its rows behind.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } ambient)
        {
            await ambient.CreateSavepointAsync("batch", ct);
            try
            {
                var result = await write();
                await ambient.ReleaseSavepointAsync("batch", ct);
                return result;
            }
            catch
            {
                await ambient.RollbackToSavepointAsync("batch", CancellationToken.None);
                throw;
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var written = await write();
        // Once every row is written, a client that hangs up does not cancel the commit halfway.
        await transaction.CommitAsync(CancellationToken.None);
        return written;
    }
}
