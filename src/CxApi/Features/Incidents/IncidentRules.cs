namespace CxApi.Features.Incidents;

/// <summary>How an incident's times must relate, on create and after every PATCH.</summary>
public static class IncidentRules
{
    public const int MaxServices = 20;
    public const int MaxCustomers = 1000;

    /// <summary>
    /// The times in their order: started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved. Each time that is set must
    /// not precede any earlier one that is set; the error names the later field.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Check(long startedAt, long? detectedAt, long? acknowledgedAt, long? mitigatedAt, long? resolvedAt)
    {
        (string Name, long? At)[] times =
            [("startedAt", startedAt), ("detectedAt", detectedAt), ("acknowledgedAt", acknowledgedAt), ("mitigatedAt", mitigatedAt), ("resolvedAt", resolvedAt)];
        for (var later = 1; later < times.Length; later++)
        {
            if (times[later].At is not { } at) continue;
            for (var earlier = later - 1; earlier >= 0; earlier--)
            {
                if (times[earlier].At is not { } before) continue;
                if (at < before) yield return (times[later].Name, $"'{times[later].Name}' must not precede '{times[earlier].Name}'.");
                break;
            }
        }
    }
}
