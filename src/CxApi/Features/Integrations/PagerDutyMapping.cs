using CxApi.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace CxApi.Features.Integrations;

/// <summary>How a PagerDuty incident's service, priority and urgency become an incident's service key, severity and impact.</summary>
public static partial class PagerDutyMapping
{
    /// <summary>
    /// An unmapped service's key: its name (<c>summary</c>) lower-cased, each run of characters other than a–z and 0–9
    /// turned into one <c>-</c>, without a <c>-</c> at either end ("API Service" → <c>api-service</c>); the service id,
    /// lower-cased, when nothing is left.
    /// </summary>
    public static string ServiceKey(string? summary, string serviceId)
    {
        var key = new StringBuilder();
        foreach (var c in (summary ?? "").ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) key.Append(c);
            else if (key.Length > 0 && key[^1] != '-') key.Append('-');
        }
        var text = key.ToString().TrimEnd('-');
        return text.Length > 0 ? text : serviceId.ToLowerInvariant();
    }

    /// <summary>
    /// The priority when the incident has one named like <c>P1</c> or <c>SEV-2</c> (P1 → sev1, P2 → sev2, P3 → sev3, P4 and
    /// below → sev4); else the urgency (high → sev2, low → sev3); else sev3.
    /// </summary>
    public static IncidentSeverity Severity(string? priority, string? urgency)
    {
        if (priority is not null && PriorityName().Match(priority.Trim()) is { Success: true } match)
            return int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) switch
            {
                <= 1 => IncidentSeverity.Sev1,
                2 => IncidentSeverity.Sev2,
                3 => IncidentSeverity.Sev3,
                _ => IncidentSeverity.Sev4,
            };
        return urgency switch
        {
            "high" => IncidentSeverity.Sev2,
            _ => IncidentSeverity.Sev3,
        };
    }

    /// <summary>PagerDuty does not say how much of a service is down; the severity stands for it: sev1 an outage, sev2 a partial one, else degraded.</summary>
    public static IncidentImpact Impact(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Sev1 => IncidentImpact.Outage,
        IncidentSeverity.Sev2 => IncidentImpact.Partial,
        _ => IncidentImpact.Degraded,
    };

    [GeneratedRegex(@"^(P|SEV)[-\s]?(?<n>[0-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorityName();
}
