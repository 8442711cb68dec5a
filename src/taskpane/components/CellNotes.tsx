import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, WarningRegular, InfoRegular } from "@fluentui/react-icons";
import type { AppServices, CellNote } from "../services";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "flex-start",
    overflowWrap: "anywhere",
  },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground2, flexShrink: 0, marginTop: "2px" },
  info: { color: tokens.colorNeutralForeground2, flexShrink: 0, marginTop: "2px" },
});

/** Findings or checks, each a link that activates its cell. */
export function CellNotes({
  notes,
  services,
  onError,
  label,
}: {
  notes: CellNote[];
  services: AppServices;
  onError: (e: unknown) => void;
  label: string;
}) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  return (
    <ul className={styles.list} aria-label={label}>
      {notes.map((n, i) => {
        const Icon =
          n.severity === "error"
            ? ErrorCircleRegular
            : n.severity === "warning"
              ? WarningRegular
              : InfoRegular;
        const text = lang === "vi" ? n.messageVi : n.messageEn;
        return (
          <li key={i} className={styles.item}>
            <Icon className={styles[n.severity]} aria-label={t.severity[n.severity]} role="img" />
            <span>
              {n.cell ? (
                <Link
                  as="button"
                  title={t.goToCell(n.sheetName, n.cell)}
                  onClick={() => services.activate(n.sheetId, n.sheetName, n.cell).catch(onError)}
                >
                  {n.sheetName}!{n.cell}
                </Link>
              ) : (
                <strong>{n.sheetName}</strong>
              )}
              : {text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
