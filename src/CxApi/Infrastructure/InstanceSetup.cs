namespace CxApi.Infrastructure;

public static class InstanceSetup
{
    public static IServiceCollection AddCxInstance(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<InstanceOptions>(configuration.GetSection(InstanceOptions.Section))
        .AddSingleton<ThisInstance>()
        .AddHostedService(sp => sp.GetRequiredService<ThisInstance>());
}
