namespace CxApi.Common.OpenApi;

/// <summary>
/// A body another product defines (a vendor's webhook payload), read leniently: on a type, its schema describes only
/// the members CxApi reads and requires none of them (<see cref="ResponseSchemas"/> leaves it alone); on an endpoint,
/// unknown properties are accepted, so the strict-JSON note is left out of its description (<see cref="AccessDocumentation"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class VendorPayloadAttribute : Attribute;
