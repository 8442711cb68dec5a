import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  MessageBarActions,
  Button,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";
import { errorMessage } from "../format";

/**
 * An error in the pane's language, with its location. `inputKept` adds that what the person typed is still
 * there: say it only when they typed something.
 */
export function ErrorBar({
  error,
  onDismiss,
  inputKept = false,
}: {
  error: unknown;
  onDismiss: () => void;
  inputKept?: boolean;
}) {
  const { lang, t } = useI18n();
  const shown = errorMessage(error, lang, t.errorUnknown);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {shown.message}
        {shown.location ? ` (${shown.location})` : ""}
        {inputKept ? ` ${t.errorKeptInput}` : ""}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={t.close}
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}

export function InfoBar({
  text,
  intent = "success",
}: {
  text: string;
  intent?: "success" | "info" | "warning";
}) {
  return (
    <MessageBar intent={intent} role="status" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
