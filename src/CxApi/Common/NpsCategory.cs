namespace CxApi.Common;

public enum NpsCategory { Promoter, Passive, Detractor }
