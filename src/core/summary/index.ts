export * from "./report-model";
export * from "./aggregate";
export * from "./build-report";
export * from "./build-summary-layout";
export * from "./vietnamese-date";
