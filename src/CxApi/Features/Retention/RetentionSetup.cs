using Microsoft.Extensions.Options;

namespace CxApi.Features.Retention;

public static class RetentionSetup
{
    /// <summary>The retention job: its settings (checked at start) and its periodic pass.</summary>
    public static IServiceCollection AddCxRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        return services
            .AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>()
            .AddScoped<RetentionPurge>()
            .AddHostedService<RetentionScheduler>();
    }
}
