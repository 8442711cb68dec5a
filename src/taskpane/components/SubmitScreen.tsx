import { useCallback, useEffect, useRef, useState } from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { SendRegular, ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { AppServices, UnitTabView } from "../services";
import { useI18n } from "../i18n";
import { formatIsoDate, formatTimestamp } from "../format";
import { InfoBar } from "./ErrorBar";
import { CellNotes } from "./CellNotes";

/** Typing raises a change event per cell: re-check once the unit pauses this long. */
export const RECHECK_DELAY_MS = 400;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sub: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function SubmitScreen({
  services,
  onError,
}: {
  services: AppServices;
  onError: (e: unknown) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [tab, setTab] = useState<UnitTabView | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  // Only the latest check is shown: a slow read must not overwrite a newer one.
  const latest = useRef(0);
  const load = useCallback(() => {
    const call = ++latest.current;
    services.activeUnitTab().then(
      (view) => {
        if (call === latest.current) setTab(view);
      },
      (e: unknown) => {
        if (call !== latest.current) return;
        setTab(null);
        onError(e);
      },
    );
  }, [services, onError]);
  useEffect(load, [load]);
  useEffect(() => services.onActiveSheetChanged(load), [services, load]);

  // Re-check while the unit types in its tab, so the checks and the button follow the figures.
  const sheetId = tab?.sheetId ?? null;
  useEffect(() => {
    if (!sheetId) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = services.onUnitTabChanged(sheetId, () => {
      clearTimeout(timer);
      timer = setTimeout(load, RECHECK_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [services, sheetId, load]);

  async function submit(current: UnitTabView) {
    setBusy(true);
    try {
      setTab(await services.submitUnitTab(current.sheetId));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  if (tab === undefined) return <Spinner size="small" label={t.busy} />;
  return (
    <section className={styles.root} aria-labelledby="submit-title">
      <h2 id="submit-title" className={styles.title}>
        {tab ? t.submitUnit(tab.name) : t.tabSubmit}
      </h2>
      {tab === null ? (
        <InfoBar text={t.submitNotUnitTab} intent="info" />
      ) : (
        <>
          {tab.deadline && <div>{t.submitDeadline(formatIsoDate(tab.deadline))}</div>}
          {tab.reopenComment && !tab.submittedAt && (
            <InfoBar intent="warning" text={t.reopenedWithComment(tab.reopenComment)} />
          )}
          <h3 className={styles.sub}>{t.checksTitle}</h3>
          {tab.checks.length === 0 ? (
            <div>{t.checksNone}</div>
          ) : (
            <CellNotes notes={tab.checks} services={services} onError={onError} label={t.checksTitle} />
          )}
          {tab.submittedAt ? (
            <InfoBar text={t.submittedAt(formatTimestamp(tab.submittedAt))} />
          ) : (
            <>
              {!tab.canSubmit && <InfoBar intent="warning" text={t.submitBlocked} />}
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  icon={<SendRegular />}
                  disabled={busy || !tab.canSubmit}
                  onClick={() => void submit(tab)}
                >
                  {t.submit}
                </Button>
                <Button appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={load}>
                  {t.refresh}
                </Button>
              </div>
            </>
          )}
          {busy && <Spinner size="tiny" label={t.busy} />}
        </>
      )}
    </section>
  );
}
