// Compile-time checks (tsc -p clients/typescript runs them): the types generated from the live document have the
// nullability the server has. A field the server may send as null accepts null; one it always sends does not.
import type { components } from "./generated/cxapi";

type Schemas = components["schemas"];

export const nullable: {
  surveyChannel: Schemas["Survey"]["channel"];
  responseCategory: Schemas["SurveyResponse"]["category"];
  npsCi95: Schemas["NpsReport"]["ci95"];
  spearman: Schemas["DriverOverall"]["spearman"];
  previousCi95: Schemas["SummaryItem"]["previousCi95"];
} = { surveyChannel: null, responseCategory: null, npsCi95: null, spearman: null, previousCi95: null };

// @ts-expect-error an id is always sent
export const surveyId: Schemas["Survey"]["id"] = null;
// @ts-expect-error a survey's kind is always sent
export const surveyKind: Schemas["Survey"]["kind"] = null;

// A create body requires what the validator requires, and nothing else.
export const minimalSurvey: Schemas["CreateSurveyRequest"] = { name: "Support NPS", kind: "nps" };
// @ts-expect-error a survey needs a kind
export const noKind: Schemas["CreateSurveyRequest"] = { name: "Support NPS" };
// A merge patch may send null to clear a nullable field, and may leave out every other one.
export const clearTeam: Schemas["UpdateInteractionRequest"] = { team: null };
