namespace CxApi.Infrastructure.Entities;

/// <summary>One key of ASP.NET Core Data Protection's key ring, as the XML it writes; every instance on the database reads them all.</summary>
public sealed class DataProtectionKeyEntity
{
    public required string Id { get; init; }
    public required string FriendlyName { get; init; }
    public required string Xml { get; init; }
}
