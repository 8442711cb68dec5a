import { useEffect, useState } from "react";
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import type { Indicator, IndicatorType, Aggregation } from "../../core/workbook/indicators";
import type { IndicatorSuggestionView } from "../services";
import { useI18n } from "../i18n";
import { addIndicator, removeIndicator, updateIndicator } from "../plan-edits";

const TYPES: IndicatorType[] = ["integer", "number", "money", "text", "date"];
const AGGREGATIONS: Aggregation[] = ["sum", "max", "count", "average", "yesno", "list"];

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
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  wide: { gridColumn: "1 / -1" },
  head: { gridColumn: "1 / -1", display: "flex", justifyContent: "space-between", alignItems: "center" },
  control: { width: "100%", minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

export function IndicatorsEditor({
  indicators,
  onChange,
  suggestion,
}: {
  indicators: Indicator[];
  onChange: (list: Indicator[]) => void;
  /** The topics of the plan's tasks the indicators were suggested from. */
  suggestion?: IndicatorSuggestionView;
}) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const topicLabel = (topic: string | undefined) => (topic ? suggestion?.labels[topic]?.[lang] : undefined);
  return (
    <section aria-labelledby="indicators-title">
      <h3 id="indicators-title" className={styles.title}>
        {t.indicatorsTitle}
      </h3>
      {suggestion && suggestion.topics.length > 0 && (
        <p className={styles.hint}>
          {t.indSuggestedFrom}{" "}
          {suggestion.topics.map((s) => `${s.label[lang]}: ${s.units.join(", ")}`).join("; ")}.
        </p>
      )}
      <ul className={styles.list}>
        {indicators.map((ind, index) => (
          <li key={ind.code} className={styles.item}>
            <div className={styles.head}>
              <span className={styles.code}>
                {t.indCode}: {ind.code}
              </span>
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t.removeIndicator(ind.name)}
                title={t.removeIndicator(ind.name)}
                onClick={() => onChange(removeIndicator(indicators, index))}
              />
            </div>
            <Field className={styles.wide} label={t.indName}>
              <CommitInput
                value={ind.name}
                onCommit={(name) => onChange(updateIndicator(indicators, index, { name }))}
              />
            </Field>
            <Field label={t.indUnit}>
              <CommitInput
                value={ind.unit}
                onCommit={(unit) => onChange(updateIndicator(indicators, index, { unit }))}
              />
            </Field>
            <Field label={t.indType}>
              <Select
                className={styles.control}
                value={ind.type}
                onChange={(_, d) =>
                  onChange(updateIndicator(indicators, index, { type: d.value as IndicatorType }))
                }
              >
                {TYPES.map((k) => (
                  <option key={k} value={k}>
                    {t.indTypes[k]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.indAggregation}>
              <Select
                className={styles.control}
                value={ind.aggregation}
                onChange={(_, d) =>
                  onChange(updateIndicator(indicators, index, { aggregation: d.value as Aggregation }))
                }
              >
                {AGGREGATIONS.map((k) => (
                  <option key={k} value={k}>
                    {t.indAggregations[k]}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox
              label={topicLabel(ind.topic) ? t.indRequiredFor(topicLabel(ind.topic)!) : t.indRequired}
              checked={ind.required}
              onChange={(_, d) =>
                onChange(updateIndicator(indicators, index, { required: d.checked === true }))
              }
            />
          </li>
        ))}
      </ul>
      <Button
        icon={<AddRegular />}
        appearance="subtle"
        onClick={() => onChange(addIndicator(indicators, t.newIndicatorName))}
      >
        {t.addIndicator}
      </Button>
    </section>
  );
}

function CommitInput({ value, onCommit }: { value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Input
      style={{ width: "100%", minWidth: 0 }}
      value={text}
      onChange={(_, d) => setText(d.value)}
      onBlur={() => text !== value && onCommit(text.normalize("NFC"))}
    />
  );
}
