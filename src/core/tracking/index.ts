export * from "./hcm-time";
export * from "./track-units";
export * from "./units-to-follow-up";
