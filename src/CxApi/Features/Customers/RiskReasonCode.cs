namespace CxApi.Features.Customers;

public enum RiskReasonCode { NpsDetractor, LowCsat, OpenPastSla, IncidentExposure }
