using CxApi.Infrastructure.Records;

namespace CxApi.Features.Retention;

/// <summary>
/// A record kind the retention job purges: its setting, its limit in <see cref="RetentionOptions"/>, and a condition
/// (SQL on its row <c>r</c>) under which a record past its limit is still kept.
/// </summary>
public sealed record RetainedKind(string Setting, RecordKind Kind, Func<RetentionOptions, string?> Limit, string? KeptWhile = null)
{
    /// <summary>In purge order: responses before the interactions they link to.</summary>
    public static readonly IReadOnlyList<RetainedKind> All =
    [
        new(nameof(RetentionOptions.Responses), RecordKinds.Responses, o => o.Responses),
        new(nameof(RetentionOptions.Reviews), RecordKinds.Reviews, o => o.Reviews),
        // A response that is still kept may link to the interaction it rates (a foreign key): the interaction stays
        // until that response goes.
        new(nameof(RetentionOptions.Interactions), RecordKinds.Interactions, o => o.Interactions,
            "EXISTS (SELECT 1 FROM \"Responses\" x WHERE x.\"InteractionId\" = r.\"Id\")"),
        new(nameof(RetentionOptions.Incidents), RecordKinds.Incidents, o => o.Incidents),
    ];
}
