import { useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FolderZipRegular } from "@fluentui/react-icons";
import type { AppServices, TrackerUnitRow, UnitFilesView } from "../services";
import { useI18n } from "../i18n";
import { useTrackerSectionStyles } from "./tracker-section-styles";

const useStyles = makeStyles({
  passwords: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  item: { overflowWrap: "anywhere" },
  routes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "Tạo tệp cho từng đơn vị": one protected .xlsx per unit (only its own tab), zipped. An optional password
 * per unit goes into that unit's file only; the fields are emptied once the files are made and the
 * passwords are kept nowhere (not in the workbook, not in the pane's saved drafts).
 */
export function UnitFiles({
  services,
  units,
  onError,
}: {
  services: AppServices;
  units: TrackerUnitRow[];
  onError: (e: unknown) => void;
}) {
  const styles = useStyles();
  const section = useTrackerSectionStyles();
  const { t } = useI18n();
  const live = units.filter((u) => !u.removed);
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<{ done: number; total: number; unit: string } | null>(null);
  const [made, setMade] = useState<UnitFilesView | null>(null);

  async function make() {
    setProgress({ done: 0, total: live.length, unit: "" });
    setMade(null);
    try {
      setMade(await services.createUnitFiles(passwords, setProgress));
      setPasswords({});
    } catch (e) {
      onError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className={section.root} aria-labelledby="unit-files-title">
      <h3 id="unit-files-title" className={section.title}>
        {t.unitFilesTitle}
      </h3>
      <p className={section.small}>{t.unitFilesIntro}</p>
      {services.host.canSaveFiles === false ? (
        // Excel for Mac/iPad: a download would do nothing, so offer what works instead of a button.
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t.unitFilesUnavailable}
            <ul className={styles.routes}>
              <li>{t.unitFilesRouteWeb}</li>
              <li>
                {t.unitFilesRouteCli} <code>tong-hop-bao-cao split sổ.xlsx -o tep-don-vi</code>
              </li>
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.passwords} role="group" aria-label={t.unitFilesPasswords}>
            {live.map((u) => (
              <Field key={u.unitId} label={t.unitFilesPasswordFor(u.name)} size="small">
                <Input
                  type="password"
                  size="small"
                  autoComplete="new-password"
                  value={passwords[u.unitId] ?? ""}
                  onChange={(_, d) => setPasswords((p) => ({ ...p, [u.unitId]: d.value }))}
                />
              </Field>
            ))}
          </div>
          <p className={section.small}>{t.unitFilesPasswordNote}</p>
          <div>
            <Button
              icon={<FolderZipRegular />}
              disabled={progress !== null || live.length === 0}
              onClick={() => void make()}
            >
              {t.unitFilesMake}
            </Button>
          </div>
        </>
      )}
      {progress && (
        <div role="status" aria-live="polite">
          <Spinner
            size="tiny"
            label={`${t.unitFilesProgress(Math.min(progress.done + 1, progress.total), progress.total)}${progress.unit ? `: ${progress.unit}` : ""}`}
          />
        </div>
      )}
      {made && (
        <>
          <p className={section.small} role="status">
            {t.unitFilesDone(made.files.length, made.zipName)}
          </p>
          <ul className={styles.list} aria-label={t.unitFilesList}>
            {made.files.map((f) => (
              <li key={f.unitId} className={styles.item}>
                {f.fileName}
                {f.withPassword ? ` (${t.unitFilesWithPassword})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
