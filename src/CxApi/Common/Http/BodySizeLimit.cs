namespace CxApi.Common.Http;

/// <summary>Endpoint metadata: the largest request body the endpoint accepts.</summary>
public sealed record BodySizeLimit(long Bytes)
{
    public const long OneRecord = 256 * 1024;
    public const long Batch = 8 * 1024 * 1024;
}
