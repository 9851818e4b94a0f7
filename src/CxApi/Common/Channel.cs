namespace CxApi.Common;

public enum Channel { Phone, Email, Chat, Web, Mobile, Social, InStore, Other }
