namespace CxApi.Common;

public enum ApiKeyRole { Admin, Ingest, Read }
