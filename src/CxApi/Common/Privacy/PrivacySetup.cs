namespace CxApi.Common.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddCxPrivacy(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section))
        .AddSingleton<RecordRedaction>();
}
