using CxApi.Common;

namespace CxApi.Tests.Unit;

public sealed class IdsTests
{
    [Fact]
    public void TheTimestampFollowsRfc9562() // RFC 9562 Appendix A.6: 2022-02-22 14:22:22 −05:00 is 0x017F22E279B0
    {
        var id = Ids.NewVersion7(new DateTimeOffset(2022, 2, 22, 14, 22, 22, TimeSpan.FromHours(-5))).ToString();

        Assert.StartsWith("017f22e2-79b0-7", id, StringComparison.Ordinal);
        Assert.Contains(id[19], "89ab"); // variant 10
        Assert.Equal(7, Guid.Parse(id).Version);
    }

    [Fact]
    public void IdsAreDistinctAcrossThreadsAndOrderedByTheirMillisecond()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++) ids.Add(Ids.New()); // 5,000 × 10 random bytes: the per-thread pool refills many times
        });

        Assert.Equal(40_000, ids.Distinct().Count());
        var early = Ids.NewVersion7(DateTimeOffset.UnixEpoch.AddYears(50)).ToString();
        var later = Ids.NewVersion7(DateTimeOffset.UnixEpoch.AddYears(50).AddMilliseconds(1)).ToString();
        Assert.True(string.CompareOrdinal(early, later) < 0);
    }

    [Fact]
    public void TheRandomBitsDiffer()
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(55);
        var ids = Enumerable.Range(0, 1_000).Select(_ => Ids.NewVersion7(at).ToString()).ToList();

        Assert.Equal(1_000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(ids[0][..13], id[..13])); // same millisecond, same first 48 bits
    }
}
