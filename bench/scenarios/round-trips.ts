import { NotBuiltError } from "../load";
import type { BenchOptions, ScenarioResult } from "../scenario";

export async function benchRoundTrips(options: BenchOptions): Promise<ScenarioResult> {
  void options;
  throw new NotBuiltError("x");
}
