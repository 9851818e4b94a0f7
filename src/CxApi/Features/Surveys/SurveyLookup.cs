using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CxApi.Features.Surveys;

/// <summary>
/// Finds the survey a response answers. Surveys change rarely and every response POST needs one, so a
/// found survey is remembered for a second (changing or deleting a survey forgets it at once on this
/// instance); a survey that was not found is always looked up again. Within one request (this is scoped) a survey
/// once found stays found, so the handler sees the survey its validator saw even if it is deleted meanwhile: the
/// insert's foreign key then refuses the response (a 409 for its sender).
/// </summary>
public sealed class SurveyLookup(CxDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, SurveyInfo> _seen = new(StringComparer.Ordinal);

    public async ValueTask<SurveyInfo?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_seen.TryGetValue(id, out var seen)) return seen;
        if (!cache.TryGetValue(CacheKey(id), out SurveyInfo? survey))
        {
            survey = await ById(db, id);
            if (survey is not null) cache.Set(CacheKey(id), survey, CacheFor);
        }
        if (survey is not null) _seen[id] = survey;
        return survey;
    }

    public static void Forget(IMemoryCache cache, string id) => cache.Remove(CacheKey(id));

    private static string CacheKey(string id) => $"survey:{id}";

    private static readonly Func<CxDbContext, string, Task<SurveyInfo?>> ById = EF.CompileAsyncQuery(
        (CxDbContext db, string id) => db.Surveys.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SurveyInfo(s.Id, s.Kind, s.Active))
            .FirstOrDefault());
}
