import { useRef, useState } from "react";
import { Badge, Button, Checkbox, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowImportRegular } from "@fluentui/react-icons";
import type { AppServices, ImportItemView } from "../services";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  item: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  hiddenInput: { display: "none" },
});

const OUTCOME_COLOR = { imported: "success", refused: "danger", skipped: "informative" } as const;

/** "Nhập tệp đơn vị gửi lại": choose the .xlsx copies units e-mailed back; shows what each tab gave. */
export function ImportReturned({
  services,
  onError,
  onImported,
}: {
  services: AppServices;
  onError: (e: unknown) => void;
  onImported: () => void;
}) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [items, setItems] = useState<ImportItemView[] | null>(null);

  async function importFiles(files: File[]) {
    setBusy(true);
    setItems(null);
    try {
      const result = await services.importReturnedFiles(files, overwrite);
      setItems(result);
      if (result.some((i) => i.outcome === "imported")) onImported();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.root} aria-labelledby="import-title">
      <h3 id="import-title" className={styles.title}>
        {t.importTitle}
      </h3>
      <p className={styles.small}>{t.importIntro}</p>
      <Checkbox
        checked={overwrite}
        onChange={(_, d) => setOverwrite(d.checked === true)}
        label={t.importForce}
      />
      <div>
        <Button icon={<ArrowImportRegular />} disabled={busy} onClick={() => input.current?.click()}>
          {t.importChoose}
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.importChoose}
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (files.length) void importFiles(files);
        }}
      />
      {busy && <Spinner size="tiny" label={t.busy} />}
      {items && (
        <ul className={styles.list} aria-label={t.importResult}>
          {items.map((it, i) => (
            <li key={i} className={styles.item} data-outcome={it.outcome}>
              <Badge appearance="tint" color={OUTCOME_COLOR[it.outcome]}>
                {t.importOutcome[it.outcome]}
              </Badge>{" "}
              <strong>{it.unit ?? it.sheet ?? it.file}</strong> ({it.file}):{" "}
              {lang === "vi" ? it.messageVi : it.messageEn}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
