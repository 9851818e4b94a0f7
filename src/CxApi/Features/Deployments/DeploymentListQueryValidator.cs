using CxApi.Common;
using CxApi.Common.Paging;

namespace CxApi.Features.Deployments;

public sealed class DeploymentListQueryValidator : ListQueryValidator<DeploymentListQuery>
{
    public DeploymentListQueryValidator()
    {
        EnumFilter<DeploymentKind>(q => q.Kind);
        EnumFilter<DeploymentResult>(q => q.Result);
    }
}
