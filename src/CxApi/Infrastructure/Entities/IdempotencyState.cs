namespace CxApi.Infrastructure.Entities;

public enum IdempotencyState { InFlight, Completed }
