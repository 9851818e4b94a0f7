using CxApi.Features.Webhooks;

namespace CxApi.Tests.Unit;

public sealed class WebhookSigningTests
{
    [Fact]
    public void SignsTheStandardWebhooksTestVector() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));

    [Fact]
    public void NewSecretsCarryAFreshThirtyTwoByteKey()
    {
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());
        Assert.StartsWith("whsec_", a);
        Assert.Equal(32, Convert.FromBase64String(a["whsec_".Length..]).Length);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(1, 0.0, 5)]       // half the step is fixed …
    [InlineData(1, 1.0, 10)]      // … half is jitter
    [InlineData(3, 0.5, 30)]      // the step doubles: 40 s, 30 s with half the jitter
    [InlineData(20, 1.0, 3600)]   // and stops at the maximum
    public void BackoffDoublesWithJitterUpToTheMaximum(int failedAttempts, double random, double seconds) =>
        Assert.Equal(seconds, WebhookBackoff.Delay(failedAttempts, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), random).TotalSeconds, 6);

    [Theory]
    [InlineData("https://hooks.example.com/cx", true)]
    [InlineData("http://127.0.0.1:5000/hook?x=1", true)]
    [InlineData("https://user:pass@hooks.example.com/cx", false)]
    [InlineData("ftp://hooks.example.com/cx", false)]
    [InlineData("/relative/path", false)]
    [InlineData("https://hooks.example.com/cx#part", false)]
    public void WebhookUrlsAreHttpOrHttpsWithoutCredentials(string url, bool valid) =>
        Assert.Equal(valid, CreateWebhookValidator.BeDeliverable(url));
}
