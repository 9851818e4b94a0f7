using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Infrastructure;

public static class InstanceSetup
{
    public static IServiceCollection AddCxInstance(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<InstanceOptions>(configuration.GetSection(InstanceOptions.Section))
        .AddSingleton<ThisInstance>()
        .AddHostedService(sp => sp.GetRequiredService<ThisInstance>());
}
