import { useEffect, useRef, useState, type ClipboardEvent } from "react";
import { Button, Field, Textarea, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular, TextBulletListSquareRegular } from "@fluentui/react-icons";
import type { Plan } from "../../core/plan/types";
import type { PlanDocument } from "../../core/plan/plan-document";
import type { Indicator } from "../../core/workbook/indicators";
import type { AppServices } from "../services";
import type { DraftStore } from "../draft-store";
import { useI18n } from "../i18n";
import { hasAssignments, unitTabNames } from "../plan-edits";
import { InfoBar } from "./ErrorBar";
import { NextSteps } from "./NextSteps";
import type { ErrorHandler, ScreenKey } from "./App";
import { PlanHeader } from "./PlanHeader";
import { PlanTable } from "./PlanTable";
import { UnitsEditor } from "./UnitsEditor";
import { IndicatorsEditor } from "./IndicatorsEditor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hiddenInput: { display: "none" },
  sectionTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  summary: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  summaryUnits: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // The review is long at 350 px (tasks, units, indicators): its main button stays in sight at the bottom.
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  counts: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface PlanScreenProps {
  services: AppServices;
  store: DraftStore;
  onError: ErrorHandler;
  clearError: () => void;
  /** Go to another step (the next steps after creating the tracker). */
  onNavigate: (screen: ScreenKey) => void;
}

export function PlanScreen({ services, store, onError, clearError, onNavigate }: PlanScreenProps) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const [initial] = useState(() => store.load());
  const [text, setText] = useState(initial?.text ?? "");
  const [plan, setPlan] = useState<Plan | null>(initial?.plan ?? null);
  const [indicators, setIndicators] = useState<Indicator[]>(initial?.indicators ?? []);
  const [info, setInfo] = useState<string | null>(initial ? t.draftRestored : null);
  const [busy, setBusy] = useState<string | null>(null);
  const [hasWorkbook, setHasWorkbook] = useState(false);
  /** What creating the tracker did, shown with the next steps; null until it is created. */
  const [created, setCreated] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Every change to the draft is saved at once: closing the pane loses nothing.
  useEffect(() => {
    if (text === "" && plan === null && indicators.length === 0) return;
    store.save({ text, plan, indicators, savedAt: new Date().toISOString() });
  }, [store, text, plan, indicators]);

  useEffect(() => {
    services
      .workbookHasPlan()
      .then(setHasWorkbook)
      .catch(() => setHasWorkbook(false));
  }, [services]);

  function read(source: string) {
    clearError();
    setInfo(null);
    setCreated(null);
    try {
      const parsed = services.parsePlan(source);
      setPlan(parsed);
      setIndicators(services.defaultIndicators(parsed));
    } catch (e) {
      onError(e, { inputKept: source.trim() !== "" });
    }
  }

  async function openFile(file: File) {
    clearError();
    setBusy(t.readingFile);
    try {
      const document = await services.readPlanFile(file);
      setText(document.text);
      read(document.text);
      showReadingWarnings(document);
    } catch (e) {
      onError(e, { inputKept: text.trim() !== "" || plan !== null });
    } finally {
      setBusy(null);
    }
  }

  /** What reading a file or a paste found (legacy font code converted, OCR…), above the plan. */
  function showReadingWarnings(document: PlanDocument) {
    if (document.warnings.length > 0)
      setInfo(document.warnings.map((w) => (lang === "vi" ? w.message : w.messageEn)).join(" "));
  }

  /** A paste from Word or a web page: its HTML keeps tables as tables; legacy font codes are converted. */
  function paste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const clipboard = {
      html: event.clipboardData.getData("text/html"),
      text: event.clipboardData.getData("text/plain"),
    };
    const document = services.pastedPlan(clipboard);
    if (clipboard.html.trim() === "" && document.warnings.length === 0) return; // plain text: the browser pastes it
    event.preventDefault();
    const area = event.currentTarget;
    const start = area.selectionStart ?? text.length;
    const end = area.selectionEnd ?? start;
    setText(text.slice(0, start) + document.text + text.slice(end));
    showReadingWarnings(document);
  }

  async function create() {
    if (!plan) return;
    clearError();
    setInfo(null);
    setCreated(null);
    setBusy(t.busy);
    try {
      const result = await services.createWorkbook({ plan, indicators });
      setHasWorkbook(true);
      const done = result.updated ? t.updatedWorkbook(result.unitCount) : t.createdWorkbook(result.unitCount);
      const message = [done, ...result.notices.map((n) => (lang === "vi" ? n.vi : n.en))].join(" ");
      if (result.updated) setInfo(message);
      else setCreated(message);
    } catch (e) {
      onError(e, { inputKept: true });
    } finally {
      setBusy(null);
    }
  }

  function clearDraft() {
    store.clear();
    setText("");
    setPlan(null);
    setIndicators([]);
    setInfo(null);
    setCreated(null);
  }

  const unitNames = plan ? unitTabNames(plan) : [];

  return (
    <section className={styles.root} aria-labelledby="plan-title">
      <h2 id="plan-title" className={styles.sectionTitle}>
        {t.tabPlan}
      </h2>
      {created && <NextSteps done={created} onNavigate={onNavigate} />}
      {info && <InfoBar text={info} intent="info" />}
      <Field label={t.planTextLabel}>
        <Textarea
          value={text}
          onChange={(_, d) => setText(d.value)}
          onPaste={paste}
          placeholder={t.planTextPlaceholder}
          resize="vertical"
          rows={6}
        />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<TextBulletListSquareRegular />}
          disabled={text.trim() === "" || busy !== null}
          onClick={() => read(text)}
        >
          {t.readPlan}
        </Button>
        <Button
          icon={<DocumentArrowUpRegular />}
          disabled={busy !== null}
          onClick={() => fileInput.current?.click()}
        >
          {t.openFile}
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".pdf,.docx,.doc,.txt,.md,application/pdf,text/plain,text/markdown,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={t.openFile}
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void openFile(f);
          }}
        />
        {(text !== "" || plan !== null) && (
          <Button appearance="subtle" onClick={clearDraft} disabled={busy !== null}>
            {t.clearDraft}
          </Button>
        )}
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      {plan && (
        <>
          <p className={styles.summary} data-testid="creation-summary">
            <span>
              {(hasWorkbook ? t.updateSummary : t.creationSummary)(unitNames.length, indicators.length)}
            </span>
            {unitNames.length > 0 && (
              <span className={styles.summaryUnits}>{t.creationUnits(unitNames.join("; "))}</span>
            )}
          </p>
          <PlanHeader plan={plan} />
          {!hasAssignments(plan) && <InfoBar text={t.noTasks} intent="warning" />}
          <PlanTable plan={plan} onChange={setPlan} />
          <UnitsEditor plan={plan} onChange={setPlan} />
          <IndicatorsEditor
            indicators={indicators}
            onChange={setIndicators}
            suggestion={services.indicatorSuggestion(plan)}
          />
          <div
            className={styles.footer}
            role="group"
            aria-label={hasWorkbook ? t.updateWorkbook : t.createWorkbook}
          >
            <Button
              appearance="primary"
              disabled={busy !== null || !hasAssignments(plan)}
              onClick={() => void create()}
            >
              {hasWorkbook ? t.updateWorkbook : t.createWorkbook}
            </Button>
            <span className={styles.counts}>{t.footerCounts(unitNames.length, indicators.length)}</span>
          </div>
        </>
      )}
    </section>
  );
}
