namespace CxApi.Common.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    /// <summary>If set, an admin key with exactly this value exists after start.</summary>
    public string? BootstrapAdminKey { get; set; }
}
