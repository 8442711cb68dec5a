/**
 * The add-in's function file (FunctionFile in the manifest). The ribbon button opens the task pane
 * (ShowTaskpane), so no function commands are registered; the page only has to load and initialise Office.
 */
Office.onReady(() => {
  /* nothing to register: the ribbon button is a ShowTaskpane action */
});
