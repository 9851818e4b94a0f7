using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Paging;
using CxApi.Common.Validation;
using CxApi.Features.Surveys;
using CxApi.Infrastructure;
using CxApi.Features.Metrics.Calculators;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Responses;

public sealed class ResponseListQueryValidator : ListQueryValidator<ResponseListQuery>
{
    public ResponseListQueryValidator()
    {
        EnumFilter<SurveyKind>(q => q.Kind);
        EnumFilter<Channel>(q => q.Channel);
    }
}
