using CxApi.Common;

namespace CxApi.Features.Interactions;

/// <summary>How an interaction's times and status must relate, on create and after every PATCH.</summary>
public static class InteractionRules
{
    public const int MaxContactCount = 10_000;

    public static IEnumerable<(string Field, string Message)> Check(long openedAt, long? firstResponseAt, long? resolvedAt, InteractionStatus status)
    {
        if (firstResponseAt < openedAt) yield return ("firstResponseAt", "'firstResponseAt' must not precede 'openedAt'.");
        if (resolvedAt < openedAt) yield return ("resolvedAt", "'resolvedAt' must not precede 'openedAt'.");
        if (resolvedAt is not null && status != InteractionStatus.Resolved)
            yield return ("status", "'status' must be 'resolved' when 'resolvedAt' is set.");
        if (resolvedAt is null && status == InteractionStatus.Resolved)
            yield return ("resolvedAt", "'resolvedAt' is required when 'status' is 'resolved'.");
    }
}
