import { makeStyles, tokens } from "@fluentui/react-components";
import type { Plan } from "../../core/plan/types";
import { useI18n } from "../i18n";
import { formatIsoDate } from "../format";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "minmax(80px, max-content) 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0, overflowWrap: "anywhere" },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export function PlanHeader({ plan }: { plan: Plan }) {
  const styles = useStyles();
  const { t } = useI18n();
  const rows: [string, string | null][] = [
    [t.headerNumber, plan.number],
    [t.headerKind, plan.kind],
    [t.headerIssuer, plan.issuer],
    [t.headerPlace, plan.place],
    [t.headerIssuedOn, formatIsoDate(plan.issuedOn) || null],
    [t.headerTitleField, plan.title],
    [t.headerDeadline, formatIsoDate(plan.deadline) || null],
  ];
  return (
    <section aria-labelledby="plan-header-title">
      <h3 id="plan-header-title" className={styles.title}>
        {t.headerTitle}
      </h3>
      <dl className={styles.list}>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt className={styles.term}>{k}</dt>
              <dd className={styles.def}>{v}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
