namespace CxApi.Common.OpenApi;

/// <summary>The untyped batch body the batch endpoints bind (<c>{ "items": [...] }</c>) and its size, for <see cref="BatchBodies"/>.</summary>
public sealed record BatchBodyShape(Type Body, int MaxItems);
