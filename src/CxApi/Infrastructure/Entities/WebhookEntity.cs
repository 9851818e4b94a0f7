namespace CxApi.Infrastructure.Entities;

public sealed class WebhookEntity
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public List<string> Events { get; init; } = [];
    /// <summary>
    /// The signing secret (<c>whsec_</c> + base64 key) encrypted with Data Protection. Kept, unlike API keys, because
    /// every delivery is signed with it.
    /// </summary>
    public required string ProtectedSecret { get; init; }
    public long CreatedAtMicros { get; init; }
}
