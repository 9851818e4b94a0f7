namespace CxApi.Common.Idempotency;

public static class IdempotencySetup
{
    public static IServiceCollection AddCxIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddHostedService<IdempotencyCleanup>();
        return services;
    }
}
