using CxApi.Common;
using CxApi.Common.Auth;

namespace CxApi.Features.Integrations;

/// <summary>
/// Whom an integration's records belong to: the partner named after its tool (<c>pagerduty</c>, <c>github</c>,
/// <c>typeform</c>). Admin and read keys see them like any record; an ingest key only when it was created for that partner.
/// The records name no API key of their own: <c>integration:&lt;tool&gt;</c> stands where a key id would.
/// </summary>
public static class IntegrationClients
{
    public static Caller For(string tool) => new($"integration:{tool}", ApiKeyRole.Ingest, tool);

    /// <summary>The value configured for <paramref name="key"/> (a vendor's id), whatever its case.</summary>
    public static TValue? Find<TValue>(IReadOnlyDictionary<string, TValue> map, string key) where TValue : class =>
        map.TryGetValue(key, out var value)
            ? value
            : map.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary><paramref name="url"/> when it is an absolute http(s) URL, else null (vendors send "" for none).</summary>
    public static string? HttpUrl(params string?[] candidates) =>
        candidates.FirstOrDefault(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                                       && u!.Length <= Common.Validation.Limits.Url);
}
