using System.Text.Json.Serialization;
using CxApi.Common.Paging;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace CxApi.Features.Customers;

public enum RiskReasonCode { NpsDetractor, LowCsat, OpenPastSla }
