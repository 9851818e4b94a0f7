using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Common.Paging;

/// <summary>Base validator for list queries; feature validators add their own filters.</summary>
public abstract class ListQueryValidator<T> : AbstractValidator<T> where T : IListQuery
{
    protected ListQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Limits.MaxPageSize);
        RuleFor(q => q.From).PeriodTime();
        RuleFor(q => q.To).PeriodTime();
        RuleFor(q => q.To)
            .Must((q, to) => q.FromMicros() < q.ToMicros()).WithMessage("'to' must be later than 'from'.")
            .When(q => q.FromMicros() is not null && q.ToMicros() is not null);
        RuleFor(q => q.Cursor).Must(c => c is null || Paging.Cursor.TryDecode(c, out _)).WithMessage("is not a cursor this API issued");
    }

    /// <summary>Each value of a repeatable enum filter must be a known name.</summary>
    protected void EnumFilter<TEnum>(System.Linq.Expressions.Expression<Func<T, IEnumerable<string>?>> values) where TEnum : struct, Enum =>
        RuleForEach(values).Must(v => EnumText<TEnum>.TryParse(v, out _)).WithMessage($"must be one of: {EnumText<TEnum>.AllowedList}");
}
