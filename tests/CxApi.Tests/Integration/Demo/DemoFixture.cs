using CxApi.Features.Demo;
using CxApi.Tests.Support;

namespace CxApi.Tests.Integration.Demo;

/// <summary>The real application over its own database, filled once by the demo load at a small size (what <c>--demo --demo-size 3000</c> does).</summary>
public sealed class DemoFixture : CxApiFactory, IAsyncLifetime
{
    public const int Size = 3000;

    public DemoSummary Summary { get; private set; } = null!;

    public StringWriter Progress { get; } = new();

    public async Task InitializeAsync() =>
        Summary = await DemoLoader.LoadAsync(Services, new DemoSwitch(Size, Seed: 1), (label, total) => new ConsoleProgress(label, total, Progress, inPlace: false),
            CancellationToken.None) ?? throw new InvalidOperationException("The demo load refused the fixture's new database.");

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
