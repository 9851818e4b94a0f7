using CxApi.Common;
using CxApi.Common.Auth;

namespace CxApi.Features.Demo;

/// <summary>
/// The request services as the demo load sees them: everything from its scope, and as the <see cref="Caller"/> (whom the
/// validators and the records' owner ask about) an admin of its own, since no API key sends these records.
/// </summary>
public sealed class DemoCaller(IServiceProvider scope) : IServiceProvider
{
    public static readonly Caller Caller = new("demo", ApiKeyRole.Admin, null);

    public object? GetService(Type serviceType) => serviceType == typeof(Caller) ? Caller : scope.GetService(serviceType);
}
