import { useEffect, useState } from "react";
import { Button, Field, Input, Textarea, Badge, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, WarningRegular } from "@fluentui/react-icons";
import type { Plan, PlanTask } from "../../core/plan/types";
import { useI18n } from "../i18n";
import { formatIsoDate, parseDisplayDate } from "../format";
import { addTask, removeTask, splitUnits, updateTask } from "../plan-edits";

const useStyles = makeStyles({
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: {
    listStyle: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  fields: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalXS,
  },
  control: { width: "100%", minWidth: 0 },
  rowHead: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  ref: { fontWeight: tokens.fontWeightSemibold },
  warnings: { margin: 0, padding: 0, listStyle: "none", color: tokens.colorPaletteDarkOrangeForeground2 },
  warning: { fontSize: tokens.fontSizeBase200 },
});

export function PlanTable({ plan, onChange }: { plan: Plan; onChange: (p: Plan) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section aria-labelledby="tasks-title">
      <h3 id="tasks-title" className={styles.title}>
        {t.tasksTitle}
      </h3>
      <ol className={styles.list} aria-labelledby="tasks-title">
        {plan.tasks.map((task, index) => (
          <TaskRow
            key={`${task.ref}-${index}`}
            plan={plan}
            task={task}
            index={index}
            onChange={(patch) => onChange(updateTask(plan, index, patch))}
            onRemove={() => onChange(removeTask(plan, index))}
          />
        ))}
      </ol>
      <Button icon={<AddRegular />} appearance="subtle" onClick={() => onChange(addTask(plan))}>
        {t.addTask}
      </Button>
    </section>
  );
}

interface TaskRowProps {
  plan: Plan;
  task: PlanTask;
  index: number;
  onChange: (patch: Partial<PlanTask>) => void;
  onRemove: () => void;
}

function TaskRow({ plan, task, index, onChange, onRemove }: TaskRowProps) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const [unitsText, setUnitsText] = useState(task.units.join("; "));
  const [dateText, setDateText] = useState(formatIsoDate(task.deadline));
  const [dateInvalid, setDateInvalid] = useState(false);
  const id = `task-${index}`;
  const unitsJoined = task.units.join("; ");
  const deadlineShown = formatIsoDate(task.deadline);
  // Follow edits made elsewhere (a unit renamed in the unit list).
  useEffect(() => setUnitsText(unitsJoined), [unitsJoined]);
  useEffect(() => setDateText(deadlineShown), [deadlineShown]);

  const warnings: string[] = plan.warnings
    .filter((w) => w.line !== null && w.line === task.line && task.line > 0)
    .map((w) => `${lang === "vi" ? w.message : w.messageEn} (${t.lineRef(w.line ?? 0)})`);
  if (!task.isSummary && task.units.length === 0) warnings.push(t.noUnitWarning);

  return (
    <li className={styles.row} aria-labelledby={`${id}-ref`}>
      <div className={styles.rowHead}>
        <span id={`${id}-ref`} className={styles.ref}>
          {t.colRef} {task.ref}
          {task.isSummary && (
            <>
              {" "}
              <Badge appearance="tint" color="brand">
                {t.summaryTask}
              </Badge>
            </>
          )}
        </span>
        <Button
          size="small"
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={t.removeTask(task.ref)}
          title={t.removeTask(task.ref)}
          onClick={onRemove}
        />
      </div>
      <Field label={t.colTask}>
        <Textarea
          className={styles.control}
          value={task.text}
          rows={Math.min(6, Math.ceil(task.text.length / 42) + 1)}
          resize="vertical"
          onChange={(_, d) => onChange({ text: d.value })}
        />
      </Field>
      <div className={styles.fields}>
        <Field label={t.colUnits} hint={t.unitsHint}>
          <Input
            className={styles.control}
            value={unitsText}
            onChange={(_, d) => setUnitsText(d.value)}
            onBlur={() => onChange({ units: splitUnits(unitsText) })}
          />
        </Field>
        <Field
          label={t.colDeadline}
          hint={task.deadlineInherited ? t.inheritedDeadline : t.dateHint}
          validationState={dateInvalid ? "error" : "none"}
          validationMessage={dateInvalid ? t.invalidDate : undefined}
        >
          <Input
            className={styles.control}
            value={dateText}
            placeholder={t.dateHint}
            inputMode="numeric"
            onChange={(_, d) => setDateText(d.value)}
            onBlur={() => {
              const iso = parseDisplayDate(dateText);
              if (iso === undefined) {
                setDateInvalid(true);
                return;
              }
              setDateInvalid(false);
              if (iso !== task.deadline) onChange({ deadline: iso });
            }}
          />
        </Field>
      </div>
      {task.reportTo && (
        <div>
          {t.colReportTo}: {task.reportTo}
        </div>
      )}
      {warnings.length > 0 && (
        <ul className={styles.warnings} aria-label={t.colWarnings}>
          {warnings.map((w) => (
            <li key={w} className={styles.warning}>
              <WarningRegular aria-hidden /> {w}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
