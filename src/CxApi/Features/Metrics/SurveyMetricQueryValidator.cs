using System.Text.Json;
using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using CxApi.Features.Metrics.Calculators;
using FluentValidation;

namespace CxApi.Features.Metrics;

public sealed class SurveyMetricQueryValidator(TimeProvider clock) : MetricQueryValidator<SurveyMetricQuery>(clock);
