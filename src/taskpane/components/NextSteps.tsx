import { useEffect, useRef } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";
import type { ScreenKey } from "./App";

const useStyles = makeStyles({
  root: {
    border: `1px solid ${tokens.colorPaletteGreenBorder1}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  done: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  icon: { flexShrink: 0, fontSize: "20px", color: tokens.colorPaletteGreenForeground1 },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  action: { marginTop: tokens.spacingVerticalXS },
});

/**
 * Shown once the tracker is created: what was done, then the two things left to do — get the workbook to
 * the units (share it, or send each unit its own file) and compile the report — each with a way there.
 * Focus moves here: the button that was pressed sits at the bottom of a long review.
 */
export function NextSteps({ done, onNavigate }: { done: string; onNavigate: (screen: ScreenKey) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.root} aria-labelledby="next-steps-title">
      <div className={styles.done} role="status">
        <CheckmarkCircleRegular className={styles.icon} aria-hidden />
        <span>{done}</span>
      </div>
      <h3 id="next-steps-title" className={styles.title} tabIndex={-1} ref={heading}>
        {t.nextStepsTitle}
      </h3>
      <ol className={styles.steps}>
        <li>
          <div>{t.nextStepShare}</div>
          <Button className={styles.action} size="small" onClick={() => onNavigate("tracker")}>
            {t.goToTracker}
          </Button>
        </li>
        <li>
          <div>{t.nextStepSummarise}</div>
          <Button className={styles.action} size="small" onClick={() => onNavigate("summary")}>
            {t.goToSummary}
          </Button>
        </li>
      </ol>
    </section>
  );
}
