/**
 * `indicators --list [--json]`: the indicator catalogue. `indicators <plan> [--json]`: the indicators
 * suggested for a plan and the units each topic is required of; the JSON is what
 * `init … --indicators <file.json>` takes (docs/indicators.md).
 */
import { resolve } from "node:path";
import { parsePlan } from "../../core/plan/parse-plan";
import {
  defaultIndicators,
  INDICATOR_CATALOGUE,
  suggestIndicatorTopics,
} from "../../core/workbook/indicator-catalogue";
import { catalogueText, suggestionText } from "../format-catalogue";
import { EXIT, reportError, UsageError } from "../exit-codes";
import type { CliIo } from "../io";
import { parseCommandArgs } from "../parse-args";
import { USAGE } from "./index";
import { readPlanText } from "./init";

export const INDICATORS_USAGE = USAGE.indicators.split("\n")[0];

export async function indicatorsCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const { positionals, values } = parseCommandArgs(
      {
        args,
        allowPositionals: true,
        options: { list: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
      },
      INDICATORS_USAGE,
    );
    if (values.list === (positionals.length === 1) || positionals.length > 1) {
      throw new UsageError(
        `cần --list hoặc đúng một tệp kế hoạch. Cách dùng: ${INDICATORS_USAGE}`,
        `need --list or exactly one plan file. Usage: ${INDICATORS_USAGE}`,
      );
    }
    if (values.list) {
      io.stdout(values.json ? `${JSON.stringify(INDICATOR_CATALOGUE, null, 2)}\n` : catalogueText());
      return EXIT.OK;
    }
    file = resolve(io.cwd ?? process.cwd(), positionals[0]);
    const plan = parsePlan(await readPlanText(file));
    const indicators = defaultIndicators(plan);
    io.stdout(
      values.json
        ? `${JSON.stringify({ indicators, topics: suggestIndicatorTopics(plan) }, null, 2)}\n`
        : suggestionText(plan, indicators),
    );
    return EXIT.OK;
  } catch (error) {
    return reportError(io, error, file);
  }
}
