namespace CxApi.Common.Http;

public static class CorsSetup
{
    public static readonly string[] ExposedHeaders = ["ETag", "Link", "Location", "Retry-After", "Idempotent-Replayed"];

    /// <summary>
    /// Browsers on the origins in <c>Cors:AllowedOrigins</c> (an array, or a comma-separated string from
    /// <c>Cors__AllowedOrigins</c>) may call the API and read the headers clients need.
    /// </summary>
    public static IServiceCollection AddCxCors(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Cors:AllowedOrigins");
        var origins = (section.Get<string[]>() ?? [])
            .Concat((section.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PATCH", "DELETE")
            .WithHeaders("Content-Type", "X-Api-Key", "Idempotency-Key", "If-Match", "If-None-Match", "Accept")
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
