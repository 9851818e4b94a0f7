using CxApi.Common;
using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Surveys;

public sealed record SurveyInfo(string Id, SurveyKind Kind, bool Active);

/// <summary>
/// Finds the survey a response answers. Scoped, so the validator and the handler of one request share
/// a single database lookup.
/// </summary>
public sealed class SurveyLookup(CxDbContext db)
{
    private readonly Dictionary<string, SurveyInfo?> _seen = new(StringComparer.Ordinal);

    public async ValueTask<SurveyInfo?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_seen.TryGetValue(id, out var known)) return known;
        var survey = await db.Surveys.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SurveyInfo(s.Id, s.Kind, s.Active))
            .FirstOrDefaultAsync(cancellationToken);
        _seen[id] = survey;
        return survey;
    }
}
