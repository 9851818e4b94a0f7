namespace CxApi.Features.Changes;

public enum ChangeOp { Upsert, Delete }
