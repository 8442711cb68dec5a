/**
 * Input for the collect benchmark: N filled unit tabs as grids plus the state, built through the product's
 * own layout code, and the call that collects and aggregates them.
 */
import { NotBuiltError } from "../load";

export interface CollectFixture {
  /** Cells in all grids. */
  cells: number;
  collectAndAggregate: () => unknown;
  /** Throws when the result is not what the fixture filled in (so a fast wrong answer is not a result). */
  check: (result: unknown) => void;
}

export async function buildCollectInput(units: number, indicators: number): Promise<CollectFixture> {
  void units;
  void indicators;
  throw new NotBuiltError("src/core/collect");
}
