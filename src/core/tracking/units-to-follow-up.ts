/**
 * The units the secretary still has to chase after a summary, most urgent first: those past their deadline
 * without a report (longest overdue first), then those not yet due (nearest deadline first, no deadline
 * last), then those that submitted late (for the record). Units that submitted on time are left out.
 */
import type { TrackingResult, UnitTracking } from "./track-units";
import { daysBetween } from "./hcm-time";

export interface UnitToFollowUp extends UnitTracking {
  /** Whole days until the deadline for a unit not yet due (0 = due today); null otherwise or without a deadline. */
  daysLeft: number | null;
}

const RANK = { "chua-nop": 0, "chua-den-han": 1, "tre-han": 2 } as const;

export function unitsToFollowUp(tracking: TrackingResult): UnitToFollowUp[] {
  const chase = tracking.units.filter(
    (u): u is UnitTracking & { status: keyof typeof RANK } => u.status !== "dung-han",
  );
  return chase
    .map((u) => ({
      ...u,
      daysLeft: u.status === "chua-den-han" && u.deadline ? daysBetween(tracking.today, u.deadline) : null,
    }))
    .sort(
      (a, b) =>
        RANK[a.status] - RANK[b.status] ||
        b.daysLate - a.daysLate ||
        (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"),
    );
}
