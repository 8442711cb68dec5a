import { useEffect, useMemo, useState } from "react";
import { Button, Input, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SimulatedExcelHost, SheetSnapshot } from "../testing/simulated-excel";
import { parseAddress, adr } from "../core/workbook/address";
import { useI18n } from "../taskpane/i18n";
import { cellText, formulaBarText } from "./cell-text";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0 },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  address: { width: "6em" },
  value: { flexGrow: 1 },
  scroller: { overflow: "auto", flexGrow: 1 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    fontWeight: tokens.fontWeightRegular,
    position: "sticky",
    top: 0,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    textAlign: "right",
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    maxWidth: "18em",
    minWidth: "3em",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  number: { textAlign: "right" },
  input: { backgroundColor: "#fff8dc" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto" },
  message: { color: tokens.colorPaletteRedForeground1, padding: `0 ${tokens.spacingHorizontalS}` },
});

/** A minimal Excel: sheet tabs, cells, and a formula bar that types into a cell as a person would. */
export function GridView({
  host,
  version,
  onChange,
}: {
  host: SimulatedExcelHost;
  version: number;
  onChange: () => void;
}) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const snapshot = useMemo(() => host.snapshot(), [host, version]);
  const sheets = snapshot.sheets.filter((s) => s.visibility === "Visible");
  const active: SheetSnapshot | undefined = sheets.find((s) => s.id === snapshot.activeSheetId) ?? sheets[0];
  const [selected, setSelected] = useState("A1");
  const [draft, setDraft] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  const cells = active?.cells ?? {};
  // Load the cell into the editor when the selection or the sheet changes — not on every refresh of the grid
  // (the pane's own reads refresh it), which would wipe what the person is typing.
  useEffect(() => {
    setDraft(formulaBarText(cells[selected]));
  }, [selected, active?.id]);

  if (!active) return <div>{t.pgEmpty}</div>;

  let maxRow = 20;
  let maxCol = 6;
  for (const a of Object.keys(cells)) {
    const p = parseAddress(a);
    maxRow = Math.max(maxRow, p.row + 2);
    maxCol = Math.max(maxCol, p.column + 1);
  }

  function commit() {
    if (!active) return;
    try {
      host.setCellByUser(active.id, selected, draft);
      setMessage(null);
      onChange();
    } catch {
      setMessage(t.pgProtected(selected));
    }
  }

  return (
    <div className={styles.root} data-testid="grid">
      <div className={styles.bar}>
        <Input
          className={styles.address}
          aria-label={t.pgCell}
          value={selected}
          onChange={(_, d) => setSelected(d.value.toUpperCase())}
          data-testid="grid-address"
        />
        <Input
          className={styles.value}
          aria-label={t.pgValue}
          value={draft}
          onChange={(_, d) => setDraft(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
          }}
          data-testid="grid-value"
        />
        <Button onClick={commit} data-testid="grid-enter">
          {t.pgEnter}
        </Button>
      </div>
      {message && (
        <div role="alert" className={styles.message}>
          {message}
        </div>
      )}
      <div className={styles.scroller}>
        <table className={styles.table} aria-label={t.pgGrid(active.name)} data-sheet={active.name}>
          <thead>
            <tr>
              <th className={styles.th} />
              {Array.from({ length: maxCol }, (_, c) => (
                <th key={c} className={styles.th} scope="col">
                  {adr(0, c).replace(/\d+$/, "")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: maxRow }, (_, r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: maxCol }, (_, c) => {
                  const a = adr(r, c);
                  const cell = cells[a];
                  const classes = [styles.td];
                  if (typeof cell?.value === "number") classes.push(styles.number);
                  if (cell?.locked === false) classes.push(styles.input);
                  if (a === selected) classes.push(styles.selected);
                  const text = cellText(cell?.value, cell?.numberFormat, lang);
                  return (
                    <td
                      key={c}
                      className={mergeClasses(...classes)}
                      data-address={a}
                      title={text}
                      onClick={() => setSelected(a)}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={t.pgSheets}
        selectedValue={active.id}
        onTabSelect={(_, d) => {
          host.activateSheetByUser(String(d.value));
          setSelected("A1");
          onChange();
        }}
      >
        {sheets.map((s) => (
          <Tab key={s.id} value={s.id} data-sheet-tab={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
