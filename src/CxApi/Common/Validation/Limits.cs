namespace CxApi.Common.Validation;

/// <summary>String and collection limits shared by every request (see README).</summary>
public static class Limits
{
    public const int Text = 4000;      // comment, review body, question
    public const int Name = 200;       // names, titles, identifiers, dimension values
    public const int Tag = 50;
    public const int Tags = 20;
    public const int MaxPageSize = 1000;
    public const int DefaultPageSize = 50;
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);
}
