namespace CxApi.Common.Formats;

/// <summary>Endpoint metadata: the 200 answer is also served as <paramref name="MediaType"/> (chosen by <c>Accept</c>), described so.</summary>
public sealed record AlternateMediaType(string MediaType, string Description);
