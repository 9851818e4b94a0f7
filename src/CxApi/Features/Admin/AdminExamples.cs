using CxApi.Common.OpenApi;

namespace CxApi.Features.Admin;

/// <summary>OpenAPI examples of the rollup maintenance bodies.</summary>
public sealed class AdminExamples : IOpenApiExamples
{
    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>>
    {
        [typeof(RollupRebuild)] = () => new RollupRebuild(new Dictionary<string, int>
        {
            ["ResponseRollups"] = 48_210,
            ["ReviewRollups"] = 6_904,
            ["InteractionRollups"] = 12_377,
            ["InteractionBinRollups"] = 30_915,
        }),
        [typeof(RollupCheck)] = () => new RollupCheck(true, new Dictionary<string, long>
        {
            ["ResponseRollups"] = 0,
            ["ReviewRollups"] = 0,
            ["InteractionRollups"] = 0,
            ["InteractionBinRollups"] = 0,
        }),
    };
}
