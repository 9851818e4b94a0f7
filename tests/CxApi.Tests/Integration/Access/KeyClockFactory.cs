using CxApi.Tests.Support;

namespace CxApi.Tests.Integration.Access;

/// <summary>A server whose clock the tests move (key expiry and rotation grace periods), shared by a test class.</summary>
public sealed class KeyClockFactory : CxApiFactory
{
    public KeyClockFactory() => Clock = FakeClock();

    public DateTimeOffset Now => Clock!.GetUtcNow();

    public void Advance(TimeSpan by) => Clock!.Advance(by);
}
