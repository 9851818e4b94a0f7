namespace CxApi.Features.Alerts;

/// <summary>The metrics a rule can watch, named as their <c>/v1/metrics/{metric}</c> endpoints.</summary>
public enum AlertMetricName { Nps, Csat, Ces, Sus, Rating, Reviews, Interactions, Availability }
