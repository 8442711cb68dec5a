export { parsePlan } from "./parse-plan";
export { planToJson, type PlanJson } from "./plan-json";
export { planWarnings } from "./warnings";
export type * from "./types";
