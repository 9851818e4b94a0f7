namespace CxApi.Common;

public static class Ids
{
    /// <summary>Time-ordered (UUID v7) so that new rows append to the primary-key index.</summary>
    public static string New() => Guid.CreateVersion7().ToString();
}
