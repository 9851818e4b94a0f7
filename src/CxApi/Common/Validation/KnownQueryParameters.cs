using System.Reflection;
using System.Text.Json;

namespace CxApi.Common.Validation;

/// <summary>
/// A query parameter the endpoint does not take is a 400 problem naming it, not silently ignored: a typo such as
/// <c>chanel=email</c>, or a filter the metric lacks (<c>/v1/metrics/nps?source=g2</c>), would otherwise answer with
/// unfiltered figures. The names taken are the handler's <c>[AsParameters]</c> members and its own query parameters.
/// </summary>
public static class KnownQueryParameters
{
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(KnownQueryOnly.Instance).AddEndpointFilterFactory((factory, next) =>
        {
            var known = NamesOf(factory.MethodInfo);
            var list = string.Join(", ", known.Order(StringComparer.Ordinal));
            return async context =>
            {
                var unknown = context.HttpContext.Request.Query.Keys.Where(k => !known.Contains(k)).ToList();
                if (unknown.Count == 0) return await next(context);
                return Problems.Problems.Validation(unknown.ToDictionary(k => k, _ => new[] { $"is not a parameter of this endpoint; it takes: {list}" }));
            };
        });

    private static HashSet<string> NamesOf(MethodInfo handler)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.IsDefined(typeof(AsParametersAttribute)))
            {
                foreach (var member in parameter.ParameterType.GetConstructors().Single().GetParameters())
                    if (!IsService(member)) names.Add(JsonNamingPolicy.CamelCase.ConvertName(member.Name!));
            }
            else if (parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>() is { } query)
                names.Add(query.Name ?? parameter.Name!);
        }
        return names;
    }

    private static bool IsService(ParameterInfo member) =>
        member.ParameterType == typeof(HttpContext) || member.ParameterType == typeof(CancellationToken);
}
