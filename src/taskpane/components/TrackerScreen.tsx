import { useCallback, useEffect, useState } from "react";
import {
  Button,
  Field,
  Link,
  Spinner,
  Textarea,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Badge,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, CopyRegular } from "@fluentui/react-icons";
import type { AppServices, TrackerUnitRow, TrackerView, UnitStatus } from "../services";
import { useI18n } from "../i18n";
import { formatIsoDate, formatTimestamp } from "../format";
import { InfoBar } from "./ErrorBar";
import { ImportReturned } from "./ImportReturned";
import type { ErrorHandler } from "./App";
import { UnitFiles } from "./UnitFiles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  table: { tableLayout: "auto", width: "100%" },
  cell: { overflowWrap: "anywhere", verticalAlign: "top", paddingTop: tokens.spacingVerticalXS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: "nowrap" },
  dateCol: { width: "6.5em" },
  statusCol: { width: "8em" },
  reopen: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

const STATUS_COLOR: Record<UnitStatus, "success" | "danger" | "warning" | "informative"> = {
  "on-time": "success",
  late: "danger",
  missing: "warning",
  "not-due": "informative",
};

export function TrackerScreen({ services, onError }: { services: AppServices; onError: ErrorHandler }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [view, setView] = useState<TrackerView | null | undefined>(undefined);
  const [info, setInfo] = useState<string | null>(null);
  const [reminder, setReminder] = useState<string | null>(null);
  const [reopening, setReopening] = useState<TrackerUnitRow | null>(null);
  const [comment, setComment] = useState("");

  const load = useCallback(() => {
    services.loadTracker().then(setView, (e: unknown) => {
      setView(null);
      onError(e);
    });
  }, [services, onError]);
  useEffect(load, [load]);

  async function copyReminder(v: TrackerView) {
    const text = v.reminder;
    if (!text) {
      setInfo(t.reminderNone);
      return;
    }
    setReminder(text);
    try {
      await navigator.clipboard.writeText(text);
      setInfo(t.reminderCopied);
    } catch {
      setInfo(t.reminderCopyFailed);
    }
  }

  async function reopen(unit: TrackerUnitRow) {
    try {
      await services.reopenUnitTab(unit.unitId, comment.normalize("NFC"));
      setInfo(t.reopened(unit.name));
      setReopening(null);
      setComment("");
      load();
    } catch (e) {
      onError(e, { inputKept: comment.trim() !== "" });
    }
  }

  if (view === undefined) return <Spinner size="small" label={t.busy} />;
  return (
    <section className={styles.root} aria-labelledby="tracker-title">
      <h2 id="tracker-title" className={styles.title}>
        {t.tabTracker}
      </h2>
      {view === null ? (
        <InfoBar text={t.trackerEmpty} intent="info" />
      ) : (
        <>
          {info && <InfoBar text={info} intent="success" />}
          <Table size="extra-small" className={styles.table} aria-labelledby="tracker-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.colUnit}</TableHeaderCell>
                <TableHeaderCell className={styles.dateCol}>{t.colDeadline}</TableHeaderCell>
                <TableHeaderCell className={styles.statusCol}>{t.colStatus}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.units.map((u) => (
                <TableRow key={u.unitId}>
                  <TableCell className={styles.cell}>
                    <Link
                      as="button"
                      title={t.openUnitTab(u.name)}
                      onClick={() => services.activate(u.sheetId, u.sheetName).catch(onError)}
                    >
                      {u.name}
                    </Link>
                    {u.removed && <div className={styles.small}>({t.removedUnit})</div>}
                    {u.submittedAt && (
                      <div>
                        <Button
                          size="small"
                          appearance="subtle"
                          aria-label={t.reopenFor(u.name)}
                          onClick={() => setReopening(u)}
                        >
                          {t.reopen}
                        </Button>
                      </div>
                    )}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.cell, styles.nowrap)}>
                    {formatIsoDate(u.deadline) || t.noDeadline}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Badge appearance="tint" color={STATUS_COLOR[u.status]} className={styles.nowrap}>
                      {t.status[u.status]}
                    </Badge>
                    {u.submittedAt && (
                      <div className={styles.small} title={t.colSubmittedAt}>
                        {formatTimestamp(u.submittedAt)}
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {reopening && (
            <div className={styles.reopen} role="group" aria-label={t.reopenFor(reopening.name)}>
              <Field label={`${t.reopenFor(reopening.name)} — ${t.reopenComment}`}>
                <Textarea value={comment} onChange={(_, d) => setComment(d.value)} rows={2} />
              </Field>
              <div className={styles.row}>
                <Button appearance="primary" onClick={() => void reopen(reopening)}>
                  {t.reopenConfirm}
                </Button>
                <Button onClick={() => setReopening(null)}>{t.reopenCancel}</Button>
              </div>
            </div>
          )}
          <div className={styles.row}>
            <Button icon={<CopyRegular />} onClick={() => void copyReminder(view)}>
              {t.copyReminder}
            </Button>
            <Button icon={<ArrowClockwiseRegular />} appearance="subtle" onClick={load}>
              {t.refresh}
            </Button>
          </div>
          {reminder && (
            <Field label={t.reminderTextLabel}>
              <Textarea value={reminder} readOnly rows={4} />
            </Field>
          )}
          <UnitFiles services={services} units={view.units} onError={onError} />
          <ImportReturned
            services={services}
            units={view.units.map((u) => u.name)}
            onError={onError}
            onImported={load}
          />
        </>
      )}
    </section>
  );
}
