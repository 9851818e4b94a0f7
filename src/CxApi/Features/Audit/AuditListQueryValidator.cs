using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Audit;

public sealed class AuditListQueryValidator : ListQueryValidator<AuditListQuery>
{
    public AuditListQueryValidator()
    {
        EnumFilter<AuditAction>(q => q.Action);
        EnumFilter<AuditOutcome>(q => q.Outcome);
        RuleFor(q => q.ActorKeyId).MaximumLength(36);
        RuleFor(q => q.TargetKind).MaximumLength(30);
        RuleFor(q => q.TargetId).MaximumLength(Limits.Name);
    }
}
