using CxApi.Common;

namespace CxApi.Metrics;

public static class NpsCalculator
{
    /// <summary>Promoters 9–10, passives 7–8, detractors 0–6.</summary>
    public static NpsCategory Categorize(int score) => score switch
    {
        >= 9 => NpsCategory.Promoter,
        >= 7 => NpsCategory.Passive,
        _ => NpsCategory.Detractor,
    };
}
