namespace CxApi.Common;

// Wire and storage names are the snake_case lower forms (see EnumText): "nps", "in_store".

public enum SurveyKind { Nps, Csat, Ces, Rating, Sus }

public enum Channel { Phone, Email, Chat, Web, Mobile, Social, InStore, Other }

public enum InteractionStatus { Open, Resolved, Abandoned }

public enum NpsCategory { Promoter, Passive, Detractor }

public enum ApiKeyRole { Admin, Ingest, Read }
