namespace CxApi.Common.Validation;

/// <summary>Endpoint metadata: a query parameter the endpoint does not take is a 400 (<see cref="KnownQueryParameters"/>).</summary>
public sealed class KnownQueryOnly
{
    public static readonly KnownQueryOnly Instance = new();

    private KnownQueryOnly()
    {
    }
}
