import { useEffect, useState } from "react";
import { Button, Input, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import type { Plan } from "../../core/plan/types";
import { useI18n } from "../i18n";
import { addUnit, compilesOnly, removeUnit, renameUnit } from "../plan-edits";

const useStyles = makeStyles({
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: {
    listStyle: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  input: { flexGrow: 1, minWidth: 0 },
  members: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    marginLeft: tokens.spacingHorizontalS,
  },
});

export function UnitsEditor({ plan, onChange }: { plan: Plan; onChange: (p: Plan) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section aria-labelledby="units-title">
      <h3 id="units-title" className={styles.title}>
        {t.unitsTitle}
      </h3>
      <ul className={styles.list}>
        {plan.units.map((unit, index) => (
          <li key={`${index}`}>
            <div className={styles.item}>
              <UnitNameInput
                name={unit.name}
                label={t.unitName(index + 1)}
                onCommit={(name) => name.trim() && onChange(renameUnit(plan, index, name.trim()))}
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t.removeUnit(unit.name)}
                title={t.removeUnit(unit.name)}
                onClick={() => onChange(removeUnit(plan, index))}
              />
            </div>
            {compilesOnly(plan, unit.name) && <div className={styles.members}>{t.unitCompilesOnly}</div>}
            {unit.members.length > 0 && (
              <div className={styles.members}>
                {t.unitMembers}: {unit.members.join("; ")}
              </div>
            )}
          </li>
        ))}
      </ul>
      <Button
        icon={<AddRegular />}
        appearance="subtle"
        onClick={() => onChange(addUnit(plan, t.newUnitName))}
      >
        {t.addUnit}
      </Button>
    </section>
  );
}

function UnitNameInput({
  name,
  label,
  onCommit,
}: {
  name: string;
  label: string;
  onCommit: (n: string) => void;
}) {
  const styles = useStyles();
  const [value, setValue] = useState(name);
  useEffect(() => setValue(name), [name]);
  return (
    <Input
      className={styles.input}
      aria-label={label}
      value={value}
      onChange={(_, d) => setValue(d.value)}
      onBlur={() => value !== name && onCommit(value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && value !== name) onCommit(value);
      }}
    />
  );
}
