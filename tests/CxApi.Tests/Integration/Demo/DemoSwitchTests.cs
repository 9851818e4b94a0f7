using CxApi.Features.Demo;

namespace CxApi.Tests.Integration.Demo;

/// <summary>
/// The demo switches come out of the arguments before the host reads them, wherever they stand: left in, <c>--demo --urls
/// http://…</c> would be the setting <c>demo=--urls</c>, and the URL lost.
/// </summary>
public sealed class DemoSwitchTests
{
    [Theory]
    [InlineData("--urls http://127.0.0.1:5099 --demo")]
    [InlineData("--demo --urls http://127.0.0.1:5099")]
    [InlineData("--demo-size 3000 --urls http://127.0.0.1:5099 --demo --demo-seed=9")]
    public void TheDemoSwitchesAreTakenOutAndTheHostArgumentsKeptInOrder(string commandLine)
    {
        var given = commandLine.Split(' ');
        var args = given;
        Assert.True(DemoSwitch.TryTake(ref args, out var demo));
        Assert.NotNull(demo);
        Assert.Equal(["--urls", "http://127.0.0.1:5099"], args);
        Assert.Equal(given.Contains("--demo-size") ? new DemoSwitch(3000, 9) : new DemoSwitch(DemoShape.DefaultSize, 1), demo);
    }

    [Fact]
    public void WithoutDemoTheArgumentsAreLeftAlone()
    {
        string[] args = ["--urls", "http://127.0.0.1:5099", "--Logging:LogLevel:Default=Warning"];
        var given = args;
        Assert.True(DemoSwitch.TryTake(ref args, out var demo));
        Assert.Null(demo);
        Assert.Equal(given, args);
    }

    [Theory]
    [InlineData("--demo --demo-size lots")]
    [InlineData("--demo --demo-size 50")]
    [InlineData("--demo --demo-seed")]
    [InlineData("--demo-size 3000")]
    public void AMalformedOrLoneSizeOrSeedIsRefused(string commandLine)
    {
        var args = commandLine.Split(' ');
        Assert.False(DemoSwitch.TryTake(ref args, out _));
    }
}
