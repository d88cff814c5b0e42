package dk.mico.rightsdesk.request;

/** How a request reached the company. The clock starts when it reaches any of them (EDPB 01/2022 §159). */
public enum Channel {
  EMAIL,
  PHONE,
  LETTER,
  WEB
}
