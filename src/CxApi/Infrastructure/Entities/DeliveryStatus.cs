namespace CxApi.Infrastructure.Entities;

public enum DeliveryStatus { Pending, Delivered, Failed }
