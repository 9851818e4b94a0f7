namespace CxApi.Common;

public enum InteractionStatus { Open, Resolved, Abandoned }
