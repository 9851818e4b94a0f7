namespace CxApi.Features.Records;

public enum BatchItemStatus { Created, Invalid, Duplicate }
