using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxApi.Common.Auth;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
