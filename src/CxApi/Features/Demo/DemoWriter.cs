using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Features.Surveys;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using FluentValidation;

namespace CxApi.Features.Demo;

/// <summary>
/// Stores generated requests as the batch endpoints do: each validated by its request's validator, turned into its
/// entity, and stored 1,000 at a time through the ingest path (<see cref="RecordIngest"/>: change numbers, rollups and
/// outbox rows in the same transaction). A generated record that the API would refuse stops the load.
/// </summary>
public sealed class DemoWriter(IServiceProvider services, ConsoleProgress progress)
{
    private const int BatchSize = 1000;

    private readonly CxDbContext _db = services.GetRequiredService<CxDbContext>();
    private readonly RecordIngest _ingest = services.GetRequiredService<RecordIngest>();

    public long Now { get; } = UnixMicros.From(services.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>Stores <paramref name="requests"/> in their order and returns the new records' ids in that order.</summary>
    public async Task<List<string>> StoreAsync<TRequest>(IEnumerable<TRequest> requests, Func<TRequest, RecordEntity> toEntity, CancellationToken ct)
        where TRequest : class
    {
        var validator = services.GetRequiredService<IValidator<TRequest>>();
        var ids = new List<string>();
        foreach (var batch in requests.Chunk(BatchSize))
        {
            var entities = new List<RecordEntity>(batch.Length);
            foreach (var request in batch)
            {
                await ValidateAsync(validator, request, ct);
                entities.Add(toEntity(request));
            }
            var outcomes = await _ingest.InsertAllAsync(_db, entities, ct);
            if (outcomes.FirstOrDefault(o => o != InsertOutcome.Stored) is { } refused)
                throw new InvalidOperationException($"A generated {typeof(TRequest).Name} was not stored: {refused}.");
            _db.ChangeTracker.Clear();
            ids.AddRange(entities.Select(e => e.Id));
            progress.Advance(batch.Length);
        }
        return ids;
    }

    /// <summary>Adds the surveys (they are no ingested records) and returns their ids by key.</summary>
    public async Task<Dictionary<string, (string Id, SurveyKind Kind)>> StoreSurveysAsync(IEnumerable<DemoSurvey> surveys, CancellationToken ct)
    {
        var validator = services.GetRequiredService<IValidator<CreateSurveyRequest>>();
        var stored = new Dictionary<string, (string, SurveyKind)>(StringComparer.Ordinal);
        foreach (var survey in surveys)
        {
            await ValidateAsync(validator, survey.Request, ct);
            var entity = survey.Request.ToEntity(Now);
            _db.Surveys.Add(entity);
            stored[survey.Key] = (entity.Id, entity.Kind);
        }
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();
        progress.Advance(stored.Count);
        return stored;
    }

    private async Task ValidateAsync<TRequest>(IValidator<TRequest> validator, TRequest request, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(ValidationSetup.ContextFor(request, services), ct);
        if (!result.IsValid)
            throw new InvalidOperationException($"A generated {typeof(TRequest).Name} is invalid: {string.Join("; ", result.Errors)} ({request}).");
    }
}
