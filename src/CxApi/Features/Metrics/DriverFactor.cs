using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Metrics;

/// <summary>
/// What a rated interaction is compared by. The rated interaction is the one a response names in <c>interactionId</c>.
/// A numeric factor (a duration, a count, a flag) has fixed buckets and a Spearman's ρ; a categorical one is a
/// single-valued dimension of interactions (<see cref="RecordKinds.Interactions"/>), one bucket per value present.
/// </summary>
public sealed class DriverFactor
{
    private DriverFactor(string name, string definition, IReadOnlyList<BucketName>? fixedBuckets, SingleValueDimension<InteractionEntity>? dimension)
    {
        Name = name;
        Definition = definition;
        FixedBuckets = fixedBuckets;
        Dimension = dimension;
    }

    /// <summary>The name in <c>?factor=</c> and in the body.</summary>
    public string Name { get; }

    /// <summary>What the factor and its buckets are, in words.</summary>
    public string Definition { get; }

    /// <summary>Every bucket of a numeric factor, in order (all listed, empty ones too); null for a categorical one.</summary>
    public IReadOnlyList<BucketName>? FixedBuckets { get; }

    /// <summary>The interaction dimension of a categorical factor; null for a numeric one.</summary>
    public SingleValueDimension<InteractionEntity>? Dimension { get; }

    /// <summary>Whether the factor has a numeric value to rank (then the body carries Spearman's ρ).</summary>
    public bool IsNumeric => Dimension is null;

    public static DriverFactor Numeric(string name, string definition, IReadOnlyList<BucketName> buckets) => new(name, definition, buckets, null);

    public static DriverFactor Categorical(SingleValueDimension<InteractionEntity> dimension) =>
        new(dimension.Name,
            $"the rated interaction's {dimension.Name}; one bucket per {dimension.Name} present, in key order, interactions without a {dimension.Name} last (key null). " +
            "Not numeric: no Spearman's ρ.",
            null, dimension);

    /// <summary>The bucket name of a categorical factor's value (null: the interaction has none).</summary>
    public BucketName Category(string? value) => new(value, value ?? $"no {Name}");

    public override string ToString() => Name;
}
