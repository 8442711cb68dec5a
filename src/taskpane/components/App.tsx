import { Suspense, lazy, useCallback, useEffect, useMemo, useState, useRef } from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  Button,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { AppServices, Lang } from "../services";
import { I18nContext, MESSAGES, languageFor } from "../i18n";
import { ErrorBar } from "./ErrorBar";
import { PlanScreen } from "./PlanScreen";
import { TrackerScreen } from "./TrackerScreen";
import { SubmitScreen } from "./SubmitScreen";
import { localDraftStore, type DraftStore } from "../draft-store";

// The summary screen (and the .docx writer behind it) is not needed for the first paint.
const SummaryScreen = lazy(() => import(/* webpackChunkName: "summary" */ "./SummaryScreen"));

export type ScreenKey = "plan" | "tracker" | "submit" | "summary";

/** How a screen reports an error: `inputKept` when the person had typed something that is still there. */
export type ErrorHandler = (error: unknown, options?: { inputKept?: boolean }) => void;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", boxSizing: "border-box" },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tabs: { flexWrap: "wrap", padding: `0 ${tokens.spacingHorizontalXS}` },
  main: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  services: AppServices;
  theme?: Theme;
  draftStore?: DraftStore;
  initialScreen?: ScreenKey;
}

export function App({ services, theme = webLightTheme, draftStore, initialScreen = "plan" }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(() => languageFor(services.host.displayLanguage));
  const [screen, setScreen] = useState<ScreenKey>(initialScreen);
  const [error, setError] = useState<{ error: unknown; inputKept: boolean } | null>(null);
  const store = useMemo(() => draftStore ?? localDraftStore(), [draftStore]);
  const i18n = useMemo(() => ({ lang, t: MESSAGES[lang] }), [lang]);
  const t = i18n.t;

  // Switch to the unit's view when the user activates a unit tab — unless they picked a screen themselves
  // while the workbook was being read (the read can be slow; their choice wins).
  const choices = useRef(0);
  useEffect(() => {
    return services.onActiveSheetChanged(() => {
      const choiceAtEvent = choices.current;
      services
        .activeUnitTab()
        .then((tab) => {
          if (tab && choices.current === choiceAtEvent) setScreen("submit");
        })
        .catch(() => undefined);
    });
  }, [services]);

  const onError = useCallback<ErrorHandler>(
    (e, options) => setError({ error: e, inputKept: options?.inputKept === true }),
    [],
  );
  const clearError = useCallback(() => setError(null), []);
  /** A screen pointing to the next step (after creating the tracker, on an empty workbook …). */
  const navigate = useCallback((to: ScreenKey) => {
    choices.current++;
    setScreen(to);
    setError(null);
  }, []);

  return (
    <FluentProvider theme={theme} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <I18nContext.Provider value={i18n}>
        <div className={styles.root}>
          <header className={styles.header}>
            <h1 className={styles.title}>{t.appTitle}</h1>
            <Button
              size="small"
              appearance="subtle"
              title={t.languageSwitchLabel}
              lang={lang === "vi" ? "en" : "vi"}
              onClick={() => setLang(lang === "vi" ? "en" : "vi")}
            >
              {t.languageSwitch}
            </Button>
          </header>
          <nav aria-label={t.tabsLabel}>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={screen}
              onTabSelect={(_, d) => navigate(d.value as ScreenKey)}
            >
              <Tab value="plan">{t.tabPlan}</Tab>
              <Tab value="tracker">{t.tabTracker}</Tab>
              <Tab value="submit">{t.tabSubmit}</Tab>
              <Tab value="summary">{t.tabSummary}</Tab>
            </TabList>
          </nav>
          <main className={styles.main}>
            {error !== null && (
              <ErrorBar error={error.error} inputKept={error.inputKept} onDismiss={clearError} />
            )}
            {/* The plan screen stays mounted (hidden) so nothing typed is lost when switching screens. */}
            <div hidden={screen !== "plan"}>
              <PlanScreen
                services={services}
                store={store}
                onError={onError}
                clearError={clearError}
                onNavigate={navigate}
              />
            </div>
            {screen === "tracker" && <TrackerScreen services={services} onError={onError} />}
            {screen === "submit" && <SubmitScreen services={services} onError={onError} />}
            {screen === "summary" && (
              <Suspense fallback={<Spinner size="small" label={t.busy} />}>
                <SummaryScreen services={services} onError={onError} onNavigate={navigate} />
              </Suspense>
            )}
          </main>
        </div>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
