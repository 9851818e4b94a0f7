using CxApi.Common.Auth;
using CxApi.Common.Json;
using System.Text.Json;

namespace CxApi.Common.OpenApi;

/// <summary>
/// What the features' OpenAPI examples share: the moment they happen at, the partner that sends them, and how a
/// request example is read.
/// </summary>
public static class ExampleValues
{
    /// <summary>The id of the example partner's API key.</summary>
    public const string KeyId = "0193a4f0-0a1b-7c2d-8e3f-4a5b6c7d8e9f";

    /// <summary>When the example records arrive.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 1, TimeSpan.Zero);

    /// <summary><see cref="At"/> as stored.</summary>
    public static readonly long Now = UnixMicros.From(At);

    /// <summary>The caller whose requests the examples show.</summary>
    public static readonly Caller Partner = new(KeyId, ApiKeyRole.Ingest, "acme");

    /// <summary>A request example, read with the wire rules as the API would read it.</summary>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, JsonSetup.Wire) ?? throw new InvalidOperationException($"The {typeof(T).Name} example is null.");
}
