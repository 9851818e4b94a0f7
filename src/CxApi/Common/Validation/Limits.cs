namespace CxApi.Common.Validation;

/// <summary>String, collection, page and time limits shared by every request (see README).</summary>
public static class Limits
{
    public const int Text = 4000;      // comment, review body, question
    public const int Name = 200;       // names, titles, identifiers, dimension values
    public const int Url = 2000;       // links to a record elsewhere (a deployment, an incident, a webhook)
    public const int Tag = 50;
    public const int Tags = 20;
    public const int MaxPageSize = 1000;
    public const int DefaultPageSize = 50;
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The earliest and latest time a period's <c>from</c> or <c>to</c> may name. Its calendar buckets in any time zone
    /// and the previous period of equal length (back to 1600) then stay far inside what a date can hold (years 1–9999).
    /// </summary>
    public static readonly DateTimeOffset EarliestPeriodTime = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero),
        LatestPeriodTime = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The longest service level a query may name (<c>slaSeconds</c>).</summary>
    public static readonly TimeSpan MaxSla = TimeSpan.FromDays(365);
}
