namespace CxApi.Common;

// Wire and storage names are the snake_case lower forms (see EnumText): "nps", "in_store".

public enum SurveyKind { Nps, Csat, Ces, Rating, Sus }
