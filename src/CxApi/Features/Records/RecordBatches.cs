using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using FluentValidation;
using System.Text.Json;

namespace CxApi.Features.Records;

/// <summary>
/// Validates every item as its single POST would, then stores all valid, new items in one transaction.
/// Invalid items and duplicates (of a stored record or of an earlier item) are reported, not stored; so is
/// an item the database refuses although it was valid (its interaction deleted meanwhile).
/// </summary>
public sealed class RecordBatches(
    CxDbContext db, RecordIngest ingest, IServiceProvider requestServices, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public async Task<BatchResult> StoreAsync<TRequest, TEntity>(
        BatchRequest batch, IValidator<TRequest> validator, Func<TRequest, ValueTask<TEntity>> toEntity, CancellationToken ct,
        string externalIdField = "externalId")
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

        var outcomes = valid.Count == 0 ? [] : await ingest.InsertAllAsync(db, valid.ConvertAll<RecordEntity>(v => v.Entity), ct);
        var itemOf = valid.ToDictionary(v => v.Entity.Id, v => v.Index);
        for (var i = 0; i < valid.Count; i++)
        {
            var index = valid[i].Index;
            results[index] = outcomes[i] switch
            {
                InsertOutcome.Duplicate { ExistingId: var id } when itemOf.TryGetValue(id, out var first) => Duplicate(index, id, externalIdField, $"duplicates items[{first}]"),
                InsertOutcome.Duplicate { ExistingId: var id } => Duplicate(index, id, externalIdField, $"duplicates the stored record '{id}'"),
                InsertOutcome.MissingReference missing => new BatchItemResult(index, BatchItemStatus.Invalid,
                    Errors: new Dictionary<string, string[]> { [$"items[{index}].{missing.Field}"] = [missing.Message] }),
                _ => new BatchItemResult(index, BatchItemStatus.Created, valid[i].Entity.Id),
            };
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

    private static BatchItemResult Duplicate(int index, string id, string field, string message) =>
        new(index, BatchItemStatus.Duplicate, id, new Dictionary<string, string[]> { [$"items[{index}].{field}"] = [message] });
}
