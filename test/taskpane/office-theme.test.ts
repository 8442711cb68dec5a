import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentThemeFor, isDarkOfficeTheme, luminance } from "../../src/taskpane/office-theme";

describe("the pane follows Office's theme", () => {
  it("measures colours", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000")).toBeCloseTo(0);
    expect(luminance("not a colour")).toBeNull();
  });

  it("uses the dark Fluent theme for Office's Black and Dark Gray themes, light otherwise", () => {
    // bodyBackgroundColor values Excel desktop reports for its Office themes.
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true); // Black
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#444444" })).toBe(true); // Dark Gray
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#E6E6E6" })).toBe(false); // Colorful
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#FFFFFF" })).toBe(false); // White
    expect(fluentThemeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(fluentThemeFor(undefined)).toBe(webLightTheme);
    expect(fluentThemeFor({ bodyBackgroundColor: "" })).toBe(webLightTheme);
  });
});
