import { useRef, useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowImportRegular } from "@fluentui/react-icons";
import type { AppServices, ImportFileView } from "../services";
import { useI18n } from "../i18n";
import { useTrackerSectionStyles } from "./tracker-section-styles";

const useStyles = makeStyles({
  table: { tableLayout: "auto", width: "100%" },
  cell: { overflowWrap: "anywhere", verticalAlign: "top", fontSize: tokens.fontSizeBase200 },
  outcomeCol: { width: "7em" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hiddenInput: { display: "none" },
});

const OUTCOME_COLOR = { imported: "success", refused: "danger", skipped: "informative" } as const;

/** What the files units send back can be: the picker offers these (the import reads them by content). */
const ACCEPT = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".ods",
  ".csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
].join(",");

/**
 * "Nhập tệp đơn vị gửi lại": choose the files units sent back (several at once, any of the formats above),
 * see which file is being read, then one row per file: imported / skipped and why / refused and why.
 */
export function ImportReturned({
  services,
  units = [],
  onError,
  onImported,
}: {
  services: AppServices;
  /** The plan's units: a body below's summary workbook can be said to be one of them. */
  units?: string[];
  onError: (e: unknown) => void;
  onImported: () => void;
}) {
  const styles = useStyles();
  const section = useTrackerSectionStyles();
  const { lang, t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [as, setAs] = useState("");
  const [choosing, setChoosing] = useState(false);
  const [matchNames, setMatchNames] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [files, setFiles] = useState<ImportFileView[] | null>(null);

  async function importFiles(chosen: File[]) {
    setProgress({ done: 0, total: chosen.length, file: "" });
    setFiles(null);
    try {
      const result = await services.importReturnedFiles(chosen, overwrite, setProgress, {
        ...(as ? { as } : {}),
        matchNames,
      });
      setFiles(result.files);
      if (result.files.some((f) => f.outcome === "imported")) onImported();
    } catch (e) {
      onError(e);
    } finally {
      setProgress(null);
    }
  }

  const message = (i: { messageVi: string; messageEn: string }) =>
    lang === "vi" ? i.messageVi : i.messageEn;

  return (
    <section className={section.root} aria-labelledby="import-title">
      <h3 id="import-title" className={section.title}>
        {t.importTitle}
      </h3>
      <p className={section.small}>{t.importIntro}</p>
      <Checkbox
        checked={overwrite}
        onChange={(_, d) => setOverwrite(d.checked === true)}
        label={t.importForce}
      />
      <p className={section.small}>{t.importRollupIntro}</p>
      {units.length > 0 && (
        <Checkbox
          checked={choosing}
          onChange={(_, d) => {
            setChoosing(d.checked === true);
            if (d.checked !== true) setAs("");
          }}
          label={t.importAsChoose}
        />
      )}
      {choosing && units.length > 0 && (
        <Field label={t.importAs}>
          <Select value={as} onChange={(_, d) => setAs(d.value)}>
            <option value="">{t.importAsAuto}</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Checkbox
        checked={matchNames}
        onChange={(_, d) => setMatchNames(d.checked === true)}
        label={t.importMatchNames}
      />
      <div>
        <Button
          icon={<ArrowImportRegular />}
          disabled={progress !== null}
          onClick={() => input.current?.click()}
        >
          {t.importChoose}
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept={ACCEPT}
        aria-label={t.importChoose}
        tabIndex={-1}
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (chosen.length) void importFiles(chosen);
        }}
      />
      {progress && (
        <div role="status" aria-live="polite">
          <Spinner
            size="tiny"
            label={`${t.importReading(Math.min(progress.done + 1, progress.total), progress.total)}${progress.file ? `: ${progress.file}` : ""}`}
          />
        </div>
      )}
      {files && (
        <>
          <p className={section.small} role="status">
            {t.importSummary(
              files.filter((f) => f.outcome === "imported").length,
              files.filter((f) => f.outcome === "skipped").length,
              files.filter((f) => f.outcome === "refused").length,
            )}
          </p>
          <Table size="extra-small" className={styles.table} aria-label={t.importResult}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.importColFile}</TableHeaderCell>
                <TableHeaderCell className={styles.outcomeCol}>{t.importColOutcome}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((f) => (
                <TableRow key={f.file} data-outcome={f.outcome}>
                  <TableCell className={styles.cell}>
                    <strong>{f.file}</strong>
                    <ul className={styles.reasons}>
                      {f.items
                        .filter(
                          (i) => f.items.length === 1 || i.outcome !== "skipped" || f.outcome === "skipped",
                        )
                        .map((i, n) => (
                          <li key={n}>{message(i)}</li>
                        ))}
                    </ul>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Badge appearance="tint" color={OUTCOME_COLOR[f.outcome]}>
                      {t.importOutcome[f.outcome]}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
