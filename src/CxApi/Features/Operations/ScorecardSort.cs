namespace CxApi.Features.Operations;

/// <summary>The scorecard's sortable columns, by their JSON names; rows without the figure sort last either way, ties by service key.</summary>
public static class ScorecardSort
{
    public const string Default = "service";

    public static readonly IReadOnlyDictionary<string, Func<ScorecardRow, IComparable?>> Columns = new Dictionary<string, Func<ScorecardRow, IComparable?>>
    {
        ["service"] = r => r.Service,
        ["tier"] = r => r.Tier,
        ["availabilityPct"] = r => r.AvailabilityPct,
        ["experienceWeightedAvailabilityPct"] = r => r.ExperienceWeightedAvailabilityPct,
        ["incidents"] = r => r.Incidents.Total,
        ["mttr"] = r => r.Mttr.MedianSeconds,
        ["csat"] = r => r.Csat.Value,
        ["nps"] = r => r.Nps.Value,
        ["contactsPerDay"] = r => r.ContactsPerDay,
        ["changeFailureRate"] = r => r.ChangeFailureRate.Value,
        ["cxChangeFailureRate"] = r => r.CxChangeFailureRate.Value,
        ["incidentImpactMinutes"] = r => r.IncidentImpactMinutes,
        ["meanCsatDeltaDuringIncidents"] = r => r.MeanCsatDeltaDuringIncidents,
    };

    public static bool TryParse(string text, out (string Column, bool Descending) sort)
    {
        var descending = text.StartsWith('-');
        sort = (descending ? text[1..] : text, descending);
        return Columns.ContainsKey(sort.Column);
    }

    public static IReadOnlyList<ScorecardRow> Apply(IEnumerable<ScorecardRow> rows, string text)
    {
        if (!TryParse(text, out var sort)) throw new ArgumentException($"'{text}' is not a scorecard column.", nameof(text));
        var key = Columns[sort.Column];
        var known = rows.Where(r => key(r) is not null);
        var ordered = sort.Descending ? known.OrderByDescending(key) : known.OrderBy(key);
        return [.. ordered.ThenBy(r => r.Service, StringComparer.Ordinal),
            .. rows.Where(r => key(r) is null).OrderBy(r => r.Service, StringComparer.Ordinal)];
    }
}
