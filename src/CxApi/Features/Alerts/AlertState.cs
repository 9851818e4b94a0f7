namespace CxApi.Features.Alerts;

/// <summary><c>firing</c> between a rule's <c>alert.triggered</c> and <c>alert.resolved</c>, else <c>ok</c>.</summary>
public enum AlertState { Ok, Firing }
