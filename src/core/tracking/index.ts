export * from "./hcm-time";
export * from "./track-units";
