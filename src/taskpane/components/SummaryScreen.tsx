import { useEffect, useRef, useState } from "react";
import {
  Button,
  ProgressBar,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentRegular, CalculatorRegular } from "@fluentui/react-icons";
import type { AppServices, FollowUpUnitView, ProgressStage, SummaryView } from "../services";
import { useI18n, type Messages } from "../i18n";
import { formatIsoDate, formatTimestamp } from "../format";
import type { ErrorHandler, ScreenKey } from "./App";
import { InfoBar } from "./ErrorBar";
import { CellNotes } from "./CellNotes";
import { AppError } from "../../core/errors";

/** Work shorter than this shows no progress indicator (no flicker). */
export const PROGRESS_DELAY_MS = 500;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sub: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  totals: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(88px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  total: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column-reverse",
  },
  totalValue: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  totalLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  numHead: { justifyContent: "flex-end", textAlign: "right" },
  cell: { overflowWrap: "anywhere" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  followUp: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  routes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function stageText(p: ProgressStage, t: Messages): string {
  switch (p.stage) {
    case "reading":
      return t.stage.reading(p.count);
    case "checking":
      return t.stage.checking(p.count);
    case "writing":
      return t.stage.writing;
    case "exporting":
      return t.stage.exporting;
  }
}

/** "chưa nộp, hạn 16/10/2022, quá hạn 3 ngày" — the words for one unit to follow up. */
export function followUpText(u: FollowUpUnitView, t: Messages): string {
  const deadline = formatIsoDate(u.deadline);
  switch (u.status) {
    case "missing":
      return t.followUpMissing(deadline, u.daysLate);
    case "late":
      return t.followUpLate(deadline, u.daysLate);
    case "not-due":
      return u.deadline && u.daysLeft !== null
        ? t.followUpNotDue(deadline, u.daysLeft)
        : t.followUpNoDeadline;
  }
}

function isStateMissing(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "STATE_MISSING";
}

function formatNumber(v: number | string | null, lang: "vi" | "en"): string {
  if (v === null) return "—";
  if (typeof v === "string") return v;
  return v.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 2 });
}

/** Where Excel cannot download the .docx: the ways to the report that work there. */
function ExportRoutes() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="export-routes">
      <MessageBarBody>
        {t.exportUnavailable}
        <ul className={styles.routes}>
          <li>{t.exportRouteSheet}</li>
          <li>{t.exportRouteWeb}</li>
          <li>
            {t.exportRouteCli} <code>tong-hop-bao-cao summary sổ.xlsx --docx bao-cao.docx</code>
          </li>
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export default function SummaryScreen({
  services,
  onError,
  onNavigate,
}: {
  services: AppServices;
  onError: ErrorHandler;
  onNavigate?: (screen: ScreenKey) => void;
}) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const [result, setResult] = useState<SummaryView | null>(null);
  const [stage, setStage] = useState<ProgressStage | null>(null);
  const [showProgress, setShowProgress] = useState(false);
  const [busy, setBusy] = useState(false);
  const [info, setInfo] = useState<string | null>(null);
  // Excel for Mac and iPad cannot download: the export button would do nothing there.
  const [canExport, setCanExport] = useState(services.host.canSaveFiles !== false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Unknown (undefined) until the workbook is read; false on a workbook without a plan: nothing to compile.
  const [hasPlan, setHasPlan] = useState<boolean | undefined>(undefined);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    let live = true;
    services.workbookHasPlan().then(
      (has) => live && setHasPlan(has),
      () => live && setHasPlan(undefined),
    );
    return () => {
      live = false;
    };
  }, [services]);

  async function withProgress<T>(
    first: ProgressStage,
    work: (on: (p: ProgressStage) => void) => Promise<T>,
  ): Promise<T> {
    setBusy(true);
    setStage(first);
    setShowProgress(false);
    timer.current = setTimeout(() => setShowProgress(true), PROGRESS_DELAY_MS);
    try {
      return await work(setStage);
    } finally {
      if (timer.current) clearTimeout(timer.current);
      setShowProgress(false);
      setStage(null);
      setBusy(false);
    }
  }

  async function summarise() {
    setInfo(null);
    try {
      setResult(await withProgress({ stage: "reading", count: 0 }, (on) => services.collectAndSummarise(on)));
      setHasPlan(true);
    } catch (e) {
      // The plan went away since the screen opened: say what to do rather than show an error.
      if (isStateMissing(e)) setHasPlan(false);
      else onError(e);
    }
  }

  async function exportDocx(r: SummaryView) {
    setInfo(null);
    try {
      const out = await withProgress({ stage: "exporting" }, () => services.exportReportDocx(r.report));
      setInfo(t.exported(out.fileName));
    } catch (e) {
      if (e instanceof AppError && e.code === "DOWNLOAD_NOT_SUPPORTED") setCanExport(false);
      else onError(e);
    }
  }

  return (
    <section className={styles.root} aria-labelledby="summary-title">
      <h2 id="summary-title" className={styles.title}>
        {t.tabSummary}
      </h2>
      <div>{t.summaryIntro}</div>
      {hasPlan === false && (
        <>
          <InfoBar text={t.summaryNoPlan} intent="info" />
          {onNavigate && (
            <div className={styles.row}>
              <Button onClick={() => onNavigate("plan")}>{t.goToPlan}</Button>
            </div>
          )}
        </>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<CalculatorRegular />}
          disabled={busy || hasPlan === false}
          onClick={() => void summarise()}
        >
          {t.summarise}
        </Button>
      </div>
      {busy && showProgress && stage && (
        <Field validationMessage={stageText(stage, t)} validationState="none">
          <ProgressBar aria-label={stageText(stage, t)} />
        </Field>
      )}
      {info && <InfoBar text={info} />}
      {result && (
        <>
          <h3 className={styles.sub}>{t.totalsTitle}</h3>
          <div className={styles.small}>{t.generatedAt(formatTimestamp(result.generatedAt))}</div>
          <dl className={styles.totals} data-testid="summary-totals">
            {(
              [
                [t.totalUnits, result.unitCount, "units"],
                [t.totalSubmitted, result.submittedCount, "submitted"],
                [t.totalOnTime, result.onTimeCount, "on-time"],
                [t.totalLate, result.lateCount, "late"],
                [t.totalMissing, result.missingCount, "missing"],
              ] as const
            ).map(([label, value, key]) => (
              <div key={key} className={styles.total} data-total={key}>
                <dd className={styles.totalValue}>{value}</dd>
                <dt className={styles.totalLabel}>{label}</dt>
              </div>
            ))}
          </dl>
          {result.figures.length > 0 && (
            <>
              <h3 className={styles.sub} id="figures-title">
                {t.figuresTitle}
              </h3>
              <Table size="extra-small" aria-labelledby="figures-title" data-testid="summary-figures">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.colIndicator}</TableHeaderCell>
                    <TableHeaderCell className={styles.numHead}>{t.colTotal}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.figures.map((f) => (
                    <TableRow key={f.code} data-code={f.code}>
                      <TableCell className={styles.cell}>
                        {f.name}
                        {f.unit && !f.name.includes(`(${f.unit})`) ? ` (${f.unit})` : ""}
                      </TableCell>
                      <TableCell className={styles.num} data-value={f.total ?? ""}>
                        {formatNumber(f.total, lang)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          {result.followUp.length > 0 && (
            <>
              <h3 className={styles.sub} id="follow-up-title">
                {t.followUpTitle}
              </h3>
              <ul className={styles.followUp} aria-labelledby="follow-up-title">
                {result.followUp.map((u) => (
                  <li key={u.unitId} data-status={u.status}>
                    {u.sheetName ? (
                      <Link
                        as="button"
                        onClick={() => services.activate(u.sheetId, u.sheetName!).catch(onError)}
                      >
                        {u.name}
                      </Link>
                    ) : (
                      u.name
                    )}
                    : {followUpText(u, t)}
                  </li>
                ))}
              </ul>
              {onNavigate && result.followUp.some((u) => u.status !== "late") && (
                <div>
                  <Link as="button" onClick={() => onNavigate("tracker")}>
                    {t.followUpRemind}
                  </Link>
                </div>
              )}
            </>
          )}
          {result.findings.length > 0 ? (
            <>
              <h3 className={styles.sub}>{t.findingsTitle}</h3>
              <CellNotes
                notes={result.findings}
                services={services}
                onError={onError}
                label={t.findingsTitle}
              />
            </>
          ) : (
            result.followUp.length === 0 && (
              <>
                <h3 className={styles.sub}>{t.findingsTitle}</h3>
                <div>{t.findingsNone}</div>
              </>
            )
          )}
          {!canExport && <ExportRoutes />}
          <div className={styles.row}>
            {canExport && (
              <Button
                appearance="primary"
                icon={<DocumentRegular />}
                disabled={busy}
                onClick={() => void exportDocx(result)}
              >
                {t.exportDocx}
              </Button>
            )}
            <Link
              as="button"
              onClick={() => services.activate(result.summarySheetId, result.summarySheetName).catch(onError)}
            >
              {t.openSummarySheet(result.summarySheetName)}
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
