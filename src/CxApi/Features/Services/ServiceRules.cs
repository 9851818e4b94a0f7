namespace CxApi.Features.Services;

public static class ServiceRules
{
    public const int MinTier = 1, MaxTier = 4;
}
